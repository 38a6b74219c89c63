import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, makeReminder } from "@/lib/testing/factories";
import { generateWeeklyInsights } from "./weekly-insights";
import * as insights from "@/app/api/v1/patients/[id]/insights/route";

const at = (iso: string) => new Date(iso);

describe("weekly insights", () => {
  it("finds the mood trend, adherence against last week, recurring topics and active hours, with evidence", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner, { timezone: "UTC" });
    const c = await db.conversation.create({ data: { patientId: p.id, conversationType: "spontaneous" } });
    const moods = ["distressed", "concerned", "neutral", "positive", "positive"] as const;
    for (const [i, sentiment] of moods.entries()) {
      await db.conversationTurn.create({
        data: {
          conversationId: c.id,
          patientId: p.id,
          sequence: i + 1,
          patientMessage: "x",
          aiResponse: "y",
          sentiment,
          topics: ["garden", i % 2 ? "family" : "weather"],
          provider: "test",
          createdAt: at(`2026-02-0${i + 3}T10:00:00Z`),
        },
      });
    }
    for (let d = 3; d <= 8; d++) await makeReminder(p.id, { dueAt: at(`2026-02-0${d}T08:00:00Z`), status: "completed" });
    await makeReminder(p.id, { dueAt: at("2026-02-04T20:00:00Z"), status: "missed" });
    for (let d = 25; d <= 28; d++) await makeReminder(p.id, { dueAt: at(`2026-01-${d}T08:00:00Z`), status: d % 2 ? "missed" : "completed" });
    for (let d = 3; d <= 8; d++)
      await db.activityLog.create({ data: { patientId: p.id, activityType: "app_open", occurredAt: at(`2026-02-0${d}T09:15:00Z`) } });

    const r = await generateWeeklyInsights(p.id, at("2026-02-09T06:00:00Z")); // Monday
    expect(r.insights).toBe(4);
    const rows = await db.insight.findMany({ where: { patientId: p.id }, orderBy: { category: "asc" } });
    const byCategory = Object.fromEntries(rows.map((i) => [i.category, i]));
    expect(byCategory.mood.title).toBe("Mood improving this week");
    expect(byCategory.medication.title).toBe("86% of reminders done this week");
    expect(byCategory.medication.description).toContain("up from the week before");
    expect(byCategory.communication.title).toBe("Often talks about garden, weather, family");
    expect(byCategory.activity.title).toBe("Most active around 9 AM");
    for (const i of rows) {
      expect(i.confidence).toBeGreaterThan(0);
      expect(i.confidence).toBeLessThanOrEqual(0.95);
      expect((i.evidence as unknown[]).length).toBeGreaterThan(0);
      expect(i.periodStart.toISOString().slice(0, 10)).toBe("2026-02-02");
    }
    await generateWeeklyInsights(p.id, at("2026-02-09T07:00:00Z"));
    expect(await db.insight.count({ where: { patientId: p.id } })).toBe(4);
    const api = await call(insights.GET, { token: owner.token, params: { id: p.id }, path: "/x?category=mood" });
    expect(api.body.items.map((i: { title: string }) => i.title)).toEqual(["Mood improving this week"]);
  });

  it("says nothing without enough evidence", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    expect((await generateWeeklyInsights(p.id, at("2026-02-09T06:00:00Z"))).insights).toBe(0);
  });
});
