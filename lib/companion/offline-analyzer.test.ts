import { describe, expect, it } from "vitest";
import { evaluate, loadFixtures } from "./eval";
import { analyzeOffline, maxUrgency, normalize, URGENCY_ORDER } from "./offline-analyzer";
import { offlineReply } from "./offline-reply";

const urgency = (text: string) => analyzeOffline(text).urgency;

describe("normalize", () => {
  it("lower-cases, expands contractions, strips accents but keeps ñ, and marks clauses", () => {
    expect(normalize("I DIDN'T fall, I’m fine")).toBe("i did not fall | i am fine");
    expect(normalize("cant  breathe")).toBe("can not breathe");
    expect(normalize("¿Dónde está el niño?")).toBe("donde esta el niño");
  });
});

describe("urgency helpers", () => {
  it("orders urgencies and keeps the higher one", () => {
    expect(URGENCY_ORDER).toEqual(["none", "low", "medium", "high", "critical"]);
    expect(maxUrgency("low", "critical")).toBe("critical");
    expect(maxUrgency("high", "medium")).toBe("high");
    expect(maxUrgency("none", "none")).toBe("none");
  });
});

describe("emergencies are critical", () => {
  it.each([
    "I fell and I can't get up",
    "i fell down in the bathroom",
    "oh no i fell",
    "I've fallen",
    "I have chest pain",
    "i cant breath",
    "help me!",
    "call 911",
    "I don't know where I am",
    "I want to die",
    "my face is drooping",
    "I think I'm having a heart attack",
    "I'm bleeding a lot",
    "me caí en el baño",
    "me he caído y no me puedo levantar",
    "me duele el pecho",
    "no puedo respirar",
    "me falta el aire",
    "ayuda",
    "llama a una ambulancia",
    "no sé dónde estoy",
    "no quiero vivir",
    "quiero morirme",
  ])("%s", (text) => {
    const a = analyzeOffline(text);
    expect(a.urgency).toBe("critical");
    expect(a.intent).toBe("emergency");
    expect(a.sentiment).toBe("distressed");
    expect(a.emergency_reasons.length).toBeGreaterThan(0);
  });

  it("names the reasons", () => {
    expect(analyzeOffline("I fell and now I have chest pain").emergency_reasons).toEqual(expect.arrayContaining(["fall", "chest_pain"]));
    expect(analyzeOffline("no puedo respirar").emergency_reasons).toContain("breathing");
    expect(analyzeOffline("where am I").emergency_reasons).toContain("disorientation");
    expect(analyzeOffline("I want to kill myself").emergency_reasons).toContain("self_harm");
  });
});

describe("negation", () => {
  it.each([
    "I did not fall",
    "I didn't fall today",
    "I never fell",
    "no me he caído",
    "no me caí, solo me senté",
    "no tengo dolor en el pecho",
    "I'm not in pain",
    "I no longer have chest pain",
    "no trouble breathing at all",
    "I don't want to die",
  ])("%s is not an emergency", (text) => {
    expect(urgency(text)).not.toBe("critical");
    expect(analyzeOffline(text).health_mentions).not.toContain("fall");
  });

  it("the can't of can't get up does not cancel the fall", () => {
    expect(urgency("I fell and I can't get up")).toBe("critical");
    expect(analyzeOffline("I fell and I can't get up").health_mentions).toContain("fall");
  });
});

describe("idioms, third parties and task help", () => {
  it.each([
    "I'm dying to see Sarah",
    "help me find my glasses",
    "Can you help me with the crossword?",
    "On the news they said a man fell off a ladder",
    "My neighbour fell last winter",
    "I fell asleep in my chair",
    "Where am I supposed to put this?",
    "me muero de ganas de ver a mis nietos",
    "¿me ayudas a buscar mis lentes?",
    "mi vecino se cayó la semana pasada",
  ])("%s is not critical", (text) => {
    expect(urgency(text)).not.toBe("critical");
  });
});

describe("graded urgency", () => {
  it("rates near misses and severe pain high", () => {
    expect(urgency("I almost fell in the kitchen")).toBe("high");
    expect(urgency("casi me caigo en la ducha")).toBe("high");
    expect(urgency("I have terrible pain in my back")).toBe("high");
    expect(urgency("I took my pills twice")).toBe("high");
  });

  it("rates missed medication, moderate pain, dizziness and loneliness medium", () => {
    for (const text of ["I forgot my pills", "I didn't take my medicine", "se me olvidó la pastilla", "my hip hurts", "I feel dizzy", "I feel so lonely", "me siento sola"]) {
      expect(urgency(text), text).toBe("medium");
    }
    expect(analyzeOffline("I forgot my pills").health_mentions).toContain("missed medication");
    expect(analyzeOffline("I feel so lonely").topics).toContain("loneliness");
  });

  it("rates mild complaints low and everyday chat none", () => {
    expect(urgency("my knee aches a little")).toBe("low");
    expect(analyzeOffline("my knee aches a little").health_mentions).toContain("knee pain");
    expect(urgency("I'm a bit tired")).toBe("low");
    expect(urgency("The roses in the garden look lovely")).toBe("none");
    expect(analyzeOffline("The roses in the garden look lovely").topics).toContain("garden");
  });
});

describe("reminder completion", () => {
  it.each(["I took my pills", "I just took them", "done", "I already took my medication", "I ate lunch", "ya me la tomé", "ya me tomé la pastilla", "ya comí", "listo"])(
    "%s completes the reminder",
    (text) => {
      const a = analyzeOffline(text);
      expect(a.reminder_completed).toBe(true);
      expect(a.intent).toBe("reminder_done");
    },
  );

  it.each(["I forgot to take it", "I didn't take it", "I haven't taken them", "no me la he tomado", "todavía no me la tomé"])("%s does not", (text) => {
    expect(analyzeOffline(text).reminder_completed).toBe(false);
  });
});

describe("language and sentiment", () => {
  it("detects the language and respects the hint when the text is ambiguous", () => {
    expect(analyzeOffline("me duele la rodilla").language).toBe("es");
    expect(analyzeOffline("my knee hurts").language).toBe("en");
    expect(analyzeOffline("ok", { language: "es" }).language).toBe("es");
  });

  it("classifies sentiment", () => {
    expect(analyzeOffline("I had a wonderful day with my grandchildren").sentiment).toBe("positive");
    expect(analyzeOffline("estoy muy feliz hoy").sentiment).toBe("positive");
    expect(analyzeOffline("I'm worried about my sister").sentiment).toBe("concerned");
    expect(analyzeOffline("I'm scared").sentiment).toBe("distressed");
    expect(analyzeOffline("The bus comes at ten").sentiment).toBe("neutral");
  });
});

describe("offlineReply", () => {
  const reply = (text: string, style?: "friendly" | "formal" | "casual") => offlineReply(analyzeOffline(text), { name: "Rosa", style });

  it("tells the patient the caregiver is being told on high and critical urgency", () => {
    expect(reply("I fell")).toContain("I'm letting your caregiver know right away.");
    expect(reply("I almost fell")).toContain("I'm letting your caregiver know right away.");
    expect(reply("me caí")).toMatch(/avisando a tu cuidador/);
    expect(reply("me caí", "formal")).toMatch(/avisando a su cuidador/);
  });

  it("answers in the patient's language, thanks for completed reminders and never diagnoses", () => {
    expect(reply("I took my pills")).toMatch(/^Thank you/);
    expect(reply("ya me tomé la pastilla")).toMatch(/Gracias/);
    expect(reply("hola, buenos días")).toMatch(/Hola/);
    const samples = ["I fell", "I want to die", "my knee aches a little", "I feel so lonely", "I forgot my pills", "hello", "bye", "me duele la espalda", "no me siento bien", "me siento sola"];
    for (const text of samples) {
      for (const style of ["friendly", "formal", "casual"] as const) {
        const r = reply(text, style);
        expect(r).not.toMatch(/diagnos/i);
        expect(r).toContain("Rosa");
        const sentences = r.split(/(?<=[.!?])\s+/).filter(Boolean);
        expect(sentences.length).toBeGreaterThanOrEqual(1);
        expect(sentences.length).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe("labelled utterances", () => {
  it("catches every critical utterance with under 5% false criticals", () => {
    const fixtures = loadFixtures();
    expect(fixtures.length).toBeGreaterThanOrEqual(180);
    expect(fixtures.filter((f) => f.urgency === "critical").length).toBeGreaterThanOrEqual(40);
    expect(fixtures.filter((f) => f.language === "es").length).toBeGreaterThanOrEqual(40);
    const result = evaluate(fixtures);
    expect(result.misclassified.filter((m) => m.expected === "critical" && m.got !== "critical")).toEqual([]);
    expect(result.criticalRecall).toBe(1);
    expect(result.falseCriticalRate).toBeLessThan(0.05);
    expect(result.accuracy).toBeGreaterThan(0.85);
  });
});
