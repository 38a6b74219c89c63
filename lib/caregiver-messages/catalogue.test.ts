import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { CATALOGUES, messagesFor } from "./catalogue";
import { ALERT_KINDS } from "./types";
import { templateNarrative } from "./summary-messages";
import { alertWhat } from "./alert-messages";

/** Every key of a catalogue, as paths ("push.alertTitle", "kinds.inactivity"). */
function keysOf(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keysOf(v, `${prefix}${k}.`)]);
  return [];
}

/** Call every message with sample arguments: what a caregiver would read, for every key. */
function texts(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") {
    // one sample that reads as a name, a count, a list of lines and a message's parameters alike
    const sample = Object.assign(["3"], { severity: "alta", who: "Betty Johnson", what: "x", code: "1234", link: "https://elda.test", hours: 4, battery: "4%" });
    const out = (value as (...a: unknown[]) => unknown)(sample, sample, sample, sample);
    return typeof out === "string" ? [out] : texts(out);
  }
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === "object") return Object.values(value).flatMap(texts);
  return [];
}

describe("the caregiver message catalogue", () => {
  it("has every key in every language (a key missing from one catalogue fails here)", () => {
    const english = keysOf(CATALOGUES.en).sort();
    for (const locale of LOCALES) expect(keysOf(CATALOGUES[locale]).sort(), locale).toEqual(english);
    for (const locale of LOCALES) expect(Object.keys(CATALOGUES[locale].kinds).sort()).toEqual([...ALERT_KINDS].sort());
  });

  it("has no empty message, and no Spanish message is the English one", () => {
    for (const locale of LOCALES) for (const t of texts(CATALOGUES[locale])) expect(t.trim().length, `${locale}: "${t}"`).toBeGreaterThan(0);
    const en = texts(CATALOGUES.en);
    const es = texts(CATALOGUES.es);
    const same = es.filter((t, i) => t === en[i] && /[a-z]{4}/i.test(t) && !/^(OK|ACK)$/.test(t));
    expect(same).toEqual([]);
  });

  it("falls back to English for a language without a catalogue", () => {
    expect(messagesFor("fr")).toBe(CATALOGUES.en);
    expect(messagesFor("es-MX")).toBe(CATALOGUES.es);
  });

  it("writes the template narrative in both languages from the same figures", () => {
    const f = {
      name: "Rosa",
      reminders: { total: 3, done: 2, missed: 1 },
      medications: { total: 2, done: 1 },
      conversations: 1,
      mood: "positive" as const,
      companionOn: true,
      healthMentions: ["rodilla", "cadera"],
      activeHours: 5,
      alerts: 1,
    };
    expect(templateNarrative("en", f)).toBe(
      "Rosa completed 2 of 3 reminders and missed 1. Medications: 1 of 2 taken. 1 conversation with the companion; mood positive. Health mentioned: rodilla and cadera. Active during 5 hours of the day. 1 alert raised.",
    );
    expect(templateNarrative("es", f)).toBe(
      "Rosa completó 2 de 3 recordatorios y no hizo 1. Medicamentos: 1 de 2 tomados. 1 conversación con el asistente; ánimo bueno. Salud mencionada: rodilla y cadera. Actividad durante 5 horas del día. 1 alerta generada.",
    );
    expect(templateNarrative("es", { ...f, conversations: 0, companionOn: false })).toContain("El asistente de voz está desactivado");
  });

  it("says what an alert is about from its rule, never from its title", () => {
    const inactivity = { type: "inactivity" as const, severity: "high" as const, source: "inactivity:6h", evidence: [] };
    expect(alertWhat(CATALOGUES.es, inactivity)).toBe("sin señales de actividad desde hace 6 horas");
    expect(alertWhat(CATALOGUES.en, inactivity)).toBe("no sign of activity for 6 hours");
    const battery = { type: "device" as const, severity: "low" as const, source: "battery_below_15", evidence: [{ battery_level: 12 }] };
    expect(alertWhat(CATALOGUES.es, battery)).toMatch(/^la batería del teléfono está baja \(12\s?%\)$/);
    const missed = { type: "missed_medication" as const, severity: "high" as const, source: "reminder_missed", evidence: [{ title: "Warfarin 5mg" }] };
    expect(alertWhat(CATALOGUES.en, missed)).toBe("a medication was not confirmed");
  });
});
