import { describe, expect, it } from "vitest";
import { evaluate, loadFixtures } from "./eval";
import { analyzeOffline, maxUrgency, normalize, URGENCY_ORDER } from "./offline-analyzer";
import { offlineReply } from "./offline-reply";
import { patientVoice } from "@/lib/patient-messages/patient-message";

const urgency = (text: string) => analyzeOffline(text).urgency;

describe("normalize", () => {
  it("lower-cases, expands contractions, strips accents (ñ too), and marks clauses", () => {
    expect(normalize("I DIDN'T fall, I’m fine")).toBe("i did not fall | i am fine");
    expect(normalize("cant  breathe")).toBe("can not breathe");
    expect(normalize("¿Dónde está el niño?")).toBe("donde esta el nino"); // speech-to-text drops the tilde: one form
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
    for (const text of [
      "I forgot my pills",
      "I didn't take my medicine",
      "se me olvidó la pastilla",
      "my hip hurts",
      "I feel dizzy",
      "I feel so lonely",
      "me siento sola",
    ]) {
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
  it.each([
    "I took my pills",
    "I just took them",
    "done",
    "I already took my medication",
    "I ate lunch",
    "ya me la tomé",
    "ya me tomé la pastilla",
    "ya comí",
    "listo",
  ])("%s completes the reminder", (text) => {
    const a = analyzeOffline(text);
    expect(a.reminder_completed).toBe(true);
    expect(a.intent).toBe("reminder_done");
  });

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
  // a patient whose language is the one spoken here
  const reply = (text: string, style: "friendly" | "formal" | "casual" = "friendly") => {
    const analysis = analyzeOffline(text);
    return offlineReply(analysis, patientVoice({ language: analysis.language, communicationStyle: style }), "Rosa");
  };

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
    const samples = [
      "I fell",
      "I want to die",
      "my knee aches a little",
      "I feel so lonely",
      "I forgot my pills",
      "hello",
      "bye",
      "me duele la espalda",
      "no me siento bien",
      "me siento sola",
    ];
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

describe("normalize reads numbers", () => {
  it("keeps decimals, reads fractions as a pressure and number words as digits", () => {
    expect(normalize("temp 38.9, sugar 3,4")).toBe("temp 38.9 | sugar 3.4");
    expect(normalize("BP 150/90")).toBe("bp 150 over 90");
    expect(normalize("my sugar is forty-two")).toBe("my sugar is 42");
    expect(normalize("la tensión en ciento noventa")).toBe("la tension en 190");
    expect(normalize("treinta y nueve y medio de fiebre")).toBe("39.5 de fiebre");
    expect(normalize("one side of my face, two pills")).toBe("one side of my face | two pills");
    expect(normalize("heeelp um please")).toBe("help please");
  });
});

/** Issue 11: signals, not phrasings. These are development examples (tuned); the held-out splits are in fixtures/. */
describe("long lies", () => {
  it.each([
    "I've been on the lounge floor since teatime",
    "I keeled over by the sink and I've been lying here for ages",
    "stuck on the bedroom carpet, can't get myself up",
    "my knees went from under me and I'm still on the landing",
    "llevo toda la noche en el suelo de la cocina",
    "sigo tirado en el piso del baño",
    "I slid off the chair onto the floor, can't stand up",
  ])("%s is critical", (text) => {
    expect(analyzeOffline(text)).toMatchObject({ urgency: "critical", emergency_reasons: expect.arrayContaining(["fall"]) });
  });

  it.each([
    "I sat on the floor to sort the photos all afternoon",
    "the grandchildren were on the floor playing for hours",
    "I'm lying in bed, it's been a lazy morning",
    "I got down on the rug for my exercises and got back up fine",
    "me senté en el suelo para jugar con mi nieta toda la tarde",
  ])("%s is not", (text) => {
    expect(urgency(text)).not.toBe("critical");
  });
});

describe("loss of function by body part", () => {
  it.each([
    "my left arm has gone all floppy",
    "I can't raise my right hand",
    "my face went lopsided a minute ago",
    "I can't find the words, they won't come out",
    "half of my body feels dead",
    "my leg just stopped working",
    "no puedo mover el brazo izquierdo",
    "tengo la cara torcida de repente",
    "se me traba la lengua y no me entienden",
  ])("%s is critical", (text) => {
    expect(analyzeOffline(text)).toMatchObject({ urgency: "critical", health_mentions: expect.arrayContaining(["stroke signs"]) });
  });

  it("benign and chronic numbness is not critical", () => {
    expect(urgency("my fingers are numb from the cold")).toBe("low");
    expect(urgency("my toes go numb sometimes, it's my neuropathy")).toBe("low");
    expect(urgency("my legs feel heavy today")).toBe("medium");
    expect(urgency("se me durmió el pie de estar sentada")).toBe("low");
    expect(urgency("my arm isn't numb any more")).not.toBe("critical");
    expect(urgency("I had a stroke in 2015 and my hand is clumsy")).not.toBe("critical");
    expect(urgency("my eyes are heavy, I need a nap")).not.toBe("critical");
  });
});

describe("vital signs with numbers", () => {
  it.each([
    ["my sugar reads 50", "critical"],
    ["glucose is 450", "critical"],
    ["blood sugar 2.8 mmol", "critical"],
    ["my meter just says LO", "critical"],
    ["sugar is 64", "high"],
    ["sugar was 320 after lunch", "high"],
    ["bp 205 over 110", "critical"],
    ["blood pressure 190 over 100 and a bad headache", "critical"],
    ["blood pressure 182 over 96", "high"],
    ["my pressure is 78 over 45", "critical"],
    ["tengo la tensión en 19", "high"],
    ["oxygen 87 percent", "critical"],
    ["sats 91", "high"],
    ["pulse 38", "critical"],
    ["heart rate 145", "critical"],
    ["pulse 125", "high"],
    ["temperature 39.7", "high"],
    ["103 fever and I'm confused", "critical"],
    ["el azúcar en 48", "critical"],
    ["la saturación me da 86", "critical"],
  ])("%s is %s", (text, level) => {
    expect(urgency(text)).toBe(level);
  });

  it.each([
    "sugar 110",
    "blood pressure 124 over 78",
    "la presión 12/8",
    "oxygen 96 percent",
    "pulse is 68",
    "temperature 36.9",
    "it's 31 degrees outside, what a summer",
    "I'm 91 years old",
    "I take my blood pressure pills at 8",
    "two sugars in my tea",
    "if my sugar goes under 60 what do I do?",
    "my husband's sugar was 50 this morning",
  ])("%s raises nothing urgent", (text) => {
    expect(["none", "low", "medium"]).toContain(urgency(text));
  });
});

describe("threats", () => {
  it.each([
    "somebody is trying to force my back door",
    "there's a stranger in my living room",
    "I can hear footsteps upstairs and nobody should be here",
    "two men are banging on my window",
    "my carer pushed me and took my purse",
    "hay alguien dentro de mi casa",
    "unos desconocidos quieren entrar por la ventana",
    "me amenazaron por teléfono y ahora están en la puerta",
  ])("%s is critical", (text) => {
    expect(analyzeOffline(text)).toMatchObject({ urgency: "critical", emergency_reasons: expect.arrayContaining(["threat"]) });
  });

  it.each([
    "the window cleaner is at the back window",
    "my son is in the kitchen making tea",
    "I thought someone was in the house but it was the cat",
    "on the news a burglar broke into the post office",
    "I worry someone might break in one day",
    "my grandson broke the back window with his ball",
    "someone broke into my shed years ago",
    "alguien llamó a la puerta, era el cartero",
  ])("%s is not", (text) => {
    expect(urgency(text)).not.toBe("critical");
  });
});

describe("dose anomalies and medication gaps", () => {
  it("a double dose is high, critical with a symptom now", () => {
    expect(urgency("I took my heart tablets twice this morning")).toBe("high");
    expect(urgency("I took my tablets twice and now I'm shaky and sweaty")).toBe("critical");
    expect(urgency("I swallowed my neighbour's pills by mistake and I feel woozy")).toBe("critical");
    expect(urgency("me tomé la pastilla de la tensión dos veces y estoy mareada")).toBe("critical");
    expect(urgency("I take my pills twice a day")).not.toBe("high");
    expect(urgency("the doctor doubled my water tablets")).toBe("none");
    expect(urgency("what if I took them twice?")).not.toBe("high");
  });

  it("out of a vital medicine or days without medicines is high; ordinary gaps are not", () => {
    expect(urgency("I've no more insulin pens")).toBe("high");
    expect(urgency("my inhaler ran out yesterday")).toBe("high");
    expect(urgency("se me acabó el sintrom")).toBe("high");
    expect(urgency("I haven't touched my tablets for a week")).toBe("high");
    expect(urgency("llevo tres días sin tomarme las pastillas")).toBe("high");
    expect(urgency("I didn't take my pills yesterday")).toBe("medium");
    expect(urgency("I'm running low on insulin, I'll order more")).not.toBe("high");
    expect(urgency("we ran out of bread")).toBe("none");
  });
});

describe("near-fainting", () => {
  it("high when it passed, critical while it happens", () => {
    expect(urgency("my sight went grey for a few seconds in the queue")).toBe("high");
    expect(urgency("I nearly blacked out getting up")).toBe("high");
    expect(urgency("se me fue la vista un momento")).toBe("high");
    expect(urgency("everything is going black right now")).toBe("critical");
    expect(urgency("me estoy desmayando")).toBe("critical");
    expect(urgency("it's getting dark early these days")).toBe("none");
  });
});

describe("scope", () => {
  it.each([
    "what if I fell in the night?",
    "if I ever have chest pain, what do I do?",
    "I had a heart attack back in 2010",
    "when I was young I fainted at church",
    "in the film the woman couldn't breathe",
    "my brother can't breathe well, poor thing",
    "si alguna vez me cae, ¿me ayudas?",
    "el año pasado me caí en la calle",
  ])("%s is not critical", (text) => {
    expect(urgency(text)).not.toBe("critical");
  });

  it("an emergency said of last week is high, of last night critical, and a repeat is critical", () => {
    expect(urgency("I fell last week in the garden")).toBe("high");
    expect(urgency("I fell last night in the garden")).toBe("critical");
    expect(urgency("I fell again, like last year")).toBe("critical");
  });
});

describe("distress that cannot be placed", () => {
  it.each([
    "I don't feel right",
    "something is really wrong",
    "I feel so strange",
    "oh oh ohhh",
    "ay, ay, ay",
    "it hurts so",
    "me encuentro fatal",
    "algo me pasa",
    "no me noto bien",
  ])("%s is at least medium and asks back", (text) => {
    const a = analyzeOffline(text);
    expect(a.unplaced_distress).toBe(true);
    expect(a.urgency).toBe("medium");
  });

  it.each([
    "my knee hurts",
    "I feel dizzy",
    "I fell",
    "I feel right as rain",
    "nothing is wrong, just saying hi",
    "this show is funny",
    "I'm not scared of anything",
  ])("%s does not", (text) => {
    expect(analyzeOffline(text).unplaced_distress).toBe(false);
  });
});
