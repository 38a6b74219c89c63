import { describe, expect, it } from "vitest";
import { evidenceLine, insightText, WEEKLY_PATTERNS, type InsightForText } from "./insight-text";

const weekly = (category: string, title: string, description: string, evidence: unknown[]): InsightForText => ({
  category,
  title,
  description,
  evidence,
  generated_by: WEEKLY_PATTERNS,
});

const mood = weekly("mood", "Mood improving this week", "Rosa's mood in conversations was improving over the last 7 days (9 conversations on 3 days).", [
  { date: "2026-01-12", mean_score: -0.5 },
  { date: "2026-01-13", mean_score: 0 },
  { date: "2026-01-14", mean_score: 0.5 },
]);
const adherence = weekly("medication", "86% of reminders done this week", "Rosa completed 12 of 14 reminders in the last 7 days, up from the week before.", [
  { period: "this_week", rate: 0.86, reminders: 14, completed: 12 },
  { period: "previous_week", rate: 0.5, reminders: 10 },
]);
const topics = weekly("communication", "Often talks about garden, weather", "Topics ...", [
  { topic: "garden", count: 3 },
  { topic: "weather", count: 2 },
]);
const active = weekly("activity", "Most active around 9 AM, 1 PM", "Rosa used the phone most often around 9 AM, 1 PM (local time) this week.", [
  { hour: 9, count: 12 },
  { hour: 13, count: 1 },
]);

describe("insightText", () => {
  it("shows English as stored, with the evidence as key-value lines", () => {
    for (const i of [mood, adherence, topics, active]) {
      const text = insightText(i, "Rosa", "en");
      expect(text.title).toBe(i.title);
      expect(text.description).toBe(i.description);
    }
    expect(insightText(mood, "Rosa", "en").evidence[0]).toBe("date 2026-01-12, mean score -0.5");
    expect(evidenceLine({ period: "this_week", rate: 0.86 })).toBe("period this week, rate 0.86");
  });

  it("composes Spanish from the category and the evidence's numbers", () => {
    const m = insightText(mood, "Rosa", "es");
    expect(m.title).toBe("Ánimo en mejora esta semana");
    expect(m.description).toBe("El ánimo de Rosa en las conversaciones mejoró en los últimos 7 días (3 días con conversaciones).");
    expect(m.evidence[0]).toBe("lunes, 12 de enero: ánimo medio -0,5");

    const a = insightText(adherence, "Rosa", "es");
    expect(a.title).toBe("Esta semana se completó el 86\u00a0% de los recordatorios");
    expect(a.description).toBe("Rosa completó 12 de 14 recordatorios en los últimos 7 días, más que la semana anterior.");
    expect(a.evidence).toEqual(["Esta semana: 86\u00a0% de 14 recordatorios", "La semana anterior: 50\u00a0% de 10 recordatorios"]);

    const c = insightText(topics, "Rosa", "es");
    expect(c.title).toBe("Habla a menudo de garden y weather");
    expect(c.description).toBe("Temas que volvieron a salir en las conversaciones de Rosa esta semana: garden (3 veces) y weather (2 veces).");

    const h = insightText(active, "Rosa", "es");
    expect(h.title).toBe("Con más actividad hacia las 9:00 y las 13:00");
    expect(h.evidence).toEqual(["Hacia las 9:00: 12 actividades", "Hacia las 13:00: 1 actividad"]);
  });

  it("counts completed reminders from the rate when an older insight did not record them", () => {
    const older = weekly("medication", "x", "x", [{ period: "this_week", rate: 0.5, reminders: 4 }]);
    expect(insightText(older, "Rosa", "es").description).toBe("Rosa completó 2 de 4 recordatorios en los últimos 7 días.");
  });

  it("falls back to a general Spanish sentence for another generator or unknown evidence", () => {
    const seeded: InsightForText = { ...adherence, generated_by: "seed", evidence: [{ kind: "missed_reminder", title: "Metformin" }] };
    expect(insightText(seeded, "Betty", "es")).toEqual({
      title: "Un patrón en la medicación",
      description: "Elda observó este patrón en los datos de Betty de esta semana. Consulte las pruebas.",
      evidence: ["missed_reminder, Metformin"],
    });
    expect(insightText(weekly("mood", "x", "x", []), "Betty", "es").title).toBe("Un patrón en el ánimo");
  });
});
