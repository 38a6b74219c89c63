import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { CATALOGUES, patientMessage, patientVoice } from "./patient-message";
import { clockTime } from "./format";
import { STARTER_TOPICS, type MessageKey, type MessageParams, type Style } from "./types";

const STYLES: Style[] = ["friendly", "formal", "casual"];
const at = new Date("2026-01-15T14:00:00Z"); // 08:00 in Chicago

/** Parameters for every message, each key once (a key added to the catalogue without a sample fails below). */
const SAMPLES: { [K in MessageKey]: MessageParams[K][] } = {
  "name.fallback": [{}],
  "reminder.lock_title": [{ again: false }, { again: true }],
  "reminder.lock_body": [{ type: "medication" }, { type: "meal" }, { type: "exercise" }, { type: "appointment" }, { type: "hydration" }, { type: "other" }],
  "reminder.speak": [
    { type: "medication", title: "Metformina", message: null, at, timeZone: "America/Chicago" },
    { type: "appointment", title: "Dentista", message: null, at, timeZone: "America/Chicago" },
    { type: "meal", title: "Almuerzo", message: null, at, timeZone: "America/Chicago" },
  ],
  "check_in.title": [{}],
  "check_in.body": [{ name: "Rosa", starter: null }],
  "starter.topic": STARTER_TOPICS.map((topic) => ({ topic })),
  "starter.interest": [{ interest: "jardinería" }],
  "starter.relative": [{ name: "Ana" }],
  "reply.critical": [
    { name: "Rosa", selfHarm: false },
    { name: "Rosa", selfHarm: true },
  ],
  "reply.high": [{ name: "Rosa" }],
  "reply.reminder_done": [{ name: "Rosa" }],
  "reply.missed_medication": [{ name: "Rosa" }],
  "reply.lonely": [{ name: "Rosa" }],
  "reply.unwell": [{ name: "Rosa" }],
  "reply.greeting": [{ name: "Rosa" }],
  "reply.farewell": [{ name: "Rosa" }],
  "reply.positive": [{ name: "Rosa" }],
  "reply.question": [{ name: "Rosa" }],
  "reply.default": [{ name: "Rosa" }],
  "safety.ask": [
    { name: "Rosa", caregiver: "Sarah" },
    { name: "Rosa", caregiver: null },
  ],
  "safety.ask_again": [{ name: "Rosa" }],
  "safety.all_clear": [{ name: "Rosa" }],
  companion_off: [
    { name: "Rosa", alerting: false, reminderHint: false },
    { name: "Rosa", alerting: true, reminderHint: true },
  ],
};

function everything(locale: (typeof LOCALES)[number], style: Style): string[] {
  return (Object.keys(SAMPLES) as MessageKey[]).flatMap((key) =>
    (SAMPLES[key] as MessageParams[typeof key][]).map((p) => patientMessage(locale, style, key, p as never)),
  );
}

/** Whole words, accented letters included (`\b` only knows ASCII). */
const words = (list: string) => new RegExp(`(?<!\\p{L})(?:${list})(?!\\p{L})`, "iu");
/** English words that would give away a mixed sentence in a Spanish message. */
const ENGLISH = words("the|you|your|it's|is|are|time|open|hear|hello|hi|hey|please|thank|thanks|reminder|again|caregiver|help|scheduled|at|AM|PM");
const TU = words(
  "tu|tus|te|ti|contigo|estás|tienes|has|quieras|necesitas|necesites|puedes|abre|pulsa|llama|dime|cuéntame|avísame|quédate|siéntate|descansa|revisa|tócalo",
);
const USTED = words(
  "usted|su|sus|le|tiene|quiera|necesita|necesite|puede|abra|pulse|llame|dígame|cuénteme|avíseme|quédese|siéntese|descanse|revise|tóquelo|saludarle",
);

describe("the patient message catalogue", () => {
  it("has every message in every language, and a sample of each here", () => {
    const keys = Object.keys(CATALOGUES.en).sort();
    expect(keys).toEqual(Object.keys(SAMPLES).sort());
    for (const locale of LOCALES) expect(Object.keys(CATALOGUES[locale]).sort(), `catalogue ${locale}`).toEqual(keys);
  });

  it("renders every message in every language and style", () => {
    for (const locale of LOCALES) for (const style of STYLES) for (const text of everything(locale, style)) expect(text.trim().length).toBeGreaterThan(0);
  });

  it("never mixes English into Spanish, and opens Spanish questions and exclamations as Spanish does", () => {
    for (const style of STYLES)
      for (const text of everything("es", style)) {
        expect(text, text).not.toMatch(ENGLISH);
        expect(text.split("?").length - 1, text).toBe(text.split("¿").length - 1);
        expect(text.split("!").length - 1, text).toBe(text.split("¡").length - 1);
      }
  });

  it("speaks usted in formal Spanish and tú in friendly and casual Spanish", () => {
    const keys = (Object.keys(SAMPLES) as MessageKey[]).filter((k) => k.startsWith("reply.") || k.startsWith("safety.") || k === "companion_off");
    for (const key of keys)
      for (const p of SAMPLES[key] as never[]) {
        const formal = patientMessage("es", "formal", key, p);
        expect(formal, formal).not.toMatch(TU);
        for (const style of ["friendly", "casual"] as const) {
          const tu = patientMessage("es", style, key, p);
          expect(tu, tu).not.toMatch(USTED);
        }
      }
    expect(patientMessage("es", "formal", "check_in.title", {})).toBe("¿Se encuentra bien?");
    expect(patientMessage("es", "friendly", "check_in.title", {})).toBe("¿Estás bien?");
    expect(patientMessage("es", "formal", "starter.topic", { topic: "food" })).toBe("¿Qué piensa cocinar hoy?");
    expect(patientMessage("es", "casual", "starter.topic", { topic: "food" })).toBe("¿Qué piensas cocinar hoy?");
  });

  it("has three tones in English", () => {
    const greetings = STYLES.map((s) => patientMessage("en", s, "reply.greeting", { name: "Betty" }));
    expect(new Set(greetings).size).toBe(3);
    expect(greetings).toEqual([
      "Hello Betty! It's lovely to hear from you. How are you feeling today?",
      "Hello, Betty. It is lovely to hear from you. How are you feeling today?",
      "Hey Betty! Great to hear from you. How are you feeling today?",
    ]);
  });

  it("says the time as the language does, where the patient lives", () => {
    const speak = (locale: "en" | "es", when: Date, timeZone: string) =>
      patientMessage(locale, "friendly", "reminder.speak", { type: "medication", title: "Metformina", message: null, at: when, timeZone });
    expect(speak("es", at, "America/Chicago")).toBe("¡Hola! Es hora de tu medicamento: Metformina. Te toca a las 8:00.");
    expect(speak("es", new Date("2026-07-15T18:30:00Z"), "America/Mexico_City")).toContain("a las 12:30.");
    expect(speak("es", new Date("2026-01-15T07:05:00Z"), "America/Chicago")).toContain("a la 1:05.");
    expect(speak("es", new Date("2026-01-15T19:05:00Z"), "America/Chicago")).toContain("a las 13:05.");
    expect(speak("es", new Date("2026-01-15T21:00:00Z"), "America/Chicago")).toContain("a las 15:00.");
    expect(speak("en", at, "America/Chicago")).toBe("Hi! It's time for your medication: Metformina. This is scheduled for 8:00 AM.");
    // summer time moves the hour with the zone's rules, not a fixed offset
    expect(clockTime("en", new Date("2026-07-15T13:00:00Z"), "America/Chicago")).toBe("8:00 AM");
    expect(clockTime("es", new Date("2026-07-15T13:00:00Z"), "America/New_York")).toBe("9:00");
  });

  it("speaks the patient's catalogue language: es-MX is Spanish, a language without a catalogue is English", () => {
    expect(patientVoice({ language: "es-MX", communicationStyle: "friendly" }).locale).toBe("es");
    const fr = patientVoice({ language: "fr", communicationStyle: "formal" });
    expect(fr.locale).toBe("en");
    expect(fr.say("check_in.title", {})).toBe("Are you all right?");
    expect(fr.name({ preferredName: " ", firstName: "" })).toBe("friend");
    expect(patientVoice({ language: "es", communicationStyle: "formal" }).name({ preferredName: null, firstName: "Rosa" })).toBe("Rosa");
  });
});
