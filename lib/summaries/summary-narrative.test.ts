import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, makeReminder } from "@/lib/testing/factories";
import { withFakeAnthropic, type FakeAnswer, type MessagesRequest } from "@/lib/testing/fake-anthropic";
import { computeDailySummary } from "./compute-daily-summary";
import { narrativeFor } from "./summary-narrative";

/**
 * The daily summary's narrative from the model (issue 15 part 4, docs/decisions/031), through the real
 * @ai-sdk/anthropic provider against a local fake of the Messages API: once per language for the same figures,
 * and the template whenever the model may not or cannot write it, or writes a number the figures do not hold.
 */
let next: (req: MessagesRequest) => FakeAnswer = () => ({ status: 500, error: "api_error" });
const fake = withFakeAnthropic((req) => next(req));

const at = (iso: string) => new Date(iso);
const evening = at("2026-01-24T01:00:00Z"); // 19:00 in Chicago on the 23rd

/** Rosa's 23 January in Chicago: 2 of 3 reminders done (the medication taken, a meal missed... ), one alert-free day. */
async function rosasDay() {
  const owner = await makeCaregiver();
  const p = await makePatient(owner, { timezone: "America/Chicago", first_name: "Rosa", preferred_name: "Rosa" });
  await makeReminder(p.id, { dueAt: at("2026-01-23T14:00:00Z"), status: "completed", type: "medication" });
  await makeReminder(p.id, { dueAt: at("2026-01-23T18:30:00Z"), status: "completed", type: "meal", title: "Lunch" });
  await makeReminder(p.id, { dueAt: at("2026-01-24T00:00:00Z"), status: "missed", type: "meal", title: "Dinner" });
  await db.activityLog.create({ data: { patientId: p.id, activityType: "app_open", occurredAt: at("2026-01-23T15:10:00Z") } });
  const s = await computeDailySummary(db, p.id, "2026-01-23", evening);
  return { owner, p, s };
}

const stored = async (id: string) =>
  (await db.dailySummary.findUniqueOrThrow({ where: { id } })).narratives as Record<string, { text: string; source: string }>;

describe("the daily summary's narrative", () => {
  it("is the model's, in the reader's language, asked once per language and kept for the next reader", async () => {
    const { s } = await rosasDay();
    const spanish = "Rosa completó 2 de 3 recordatorios hoy y tomó su medicación. Estuvo activa durante 1 hora.";
    const english = "Rosa completed 2 of her 3 reminders today, and took her medication. She was active for 1 hour, at 9:00.";
    next = (req) => ({ json: { narrative: JSON.stringify(req.body).includes("en español") ? spanish : english } });
    expect(await narrativeFor(s.id, "es", evening)).toBe(spanish);
    expect(await narrativeFor(s.id, "es", evening)).toBe(spanish);
    expect(fake.requests).toHaveLength(1);
    const asked = JSON.stringify(fake.requests[0].body);
    expect(fake.requests[0].body.model).toBe("claude-sonnet-4-5");
    expect(asked).toContain("reminders_completed");
    expect(asked).toContain("nunca escribas un número que no esté entre ellas");
    expect(await narrativeFor(s.id, "en", evening)).toBe(english);
    expect(fake.requests).toHaveLength(2);
    expect(await stored(s.id)).toMatchObject({ es: { text: spanish, source: "anthropic:claude-sonnet-4-5" }, en: { text: english } });
    // the figures change later that day: the narrative is written again for them
    await makeReminder(s.patientId, { dueAt: at("2026-01-24T02:00:00Z"), status: "completed", type: "medication" });
    const later = await computeDailySummary(db, s.patientId, "2026-01-23", at("2026-01-24T03:00:00Z"));
    next = () => ({ json: { narrative: "Rosa completó 3 de 4 recordatorios." } });
    expect(await narrativeFor(later.id, "es", evening)).toBe("Rosa completó 3 de 4 recordatorios.");
  });

  it("falls back to the template when the model writes a number that is not among the figures", async () => {
    const { s } = await rosasDay();
    next = () => ({ json: { narrative: "Rosa completó 2 de 3 recordatorios y bebió 8 vasos de agua." } });
    const text = await narrativeFor(s.id, "es", evening);
    expect(text).toBe(
      "Rosa completó 2 de 3 recordatorios y no hizo 1. Medicamentos: 1 de 1 tomado. Ninguna conversación con el asistente. Actividad durante 1 hora del día.",
    );
    expect((await stored(s.id)).es.source).toBe("template:invented_number");
    // spelled out, too
    next = () => ({ json: { narrative: "Rosa completed two of three reminders and walked for five hours." } });
    expect(await narrativeFor(s.id, "en", evening)).toContain("Rosa completed 2 of 3 reminders and missed 1.");
    expect((await stored(s.id)).en.source).toBe("template:invented_number");
  });

  it("is the template when the model fails, when the organization runs without one, and when ai_companion is refused (nothing sent)", async () => {
    const failing = await rosasDay();
    next = () => ({ status: 529, error: "overloaded_error" });
    expect(await narrativeFor(failing.s.id, "en", evening)).toContain("Rosa completed 2 of 3 reminders");
    expect((await stored(failing.s.id)).en.source).toBe("template:model_failed");

    fake.requests.length = 0;
    const offline = await rosasDay();
    await db.organization.update({ where: { id: offline.owner.organizationId }, data: { settings: { ai: { provider: "offline" } } } });
    expect(await narrativeFor(offline.s.id, "es", evening)).toContain("Rosa completó 2 de 3 recordatorios");
    expect((await stored(offline.s.id)).es.source).toBe("template");

    const refused = await rosasDay();
    await db.consent.create({ data: { patientId: refused.p.id, kind: "ai_companion", granted: false, givenBy: "patient" } });
    const s = await computeDailySummary(db, refused.p.id, "2026-01-23", evening);
    expect(await narrativeFor(s.id, "es", evening)).toContain("El asistente de voz está desactivado (sin consentimiento).");
    expect((await stored(s.id)).es.source).toBe("template:companion_off");
    expect(fake.requests).toHaveLength(0);
  });
});
