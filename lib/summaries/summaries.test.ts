import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, makeReminder } from "@/lib/testing/factories";
import { computeDailySummary } from "./compute-daily-summary";
import { findCaregiversDueForSummary, sendDailySummaries } from "./deliver-daily-summaries";
import * as patientSummaries from "@/app/api/v1/patients/[id]/summaries/route";
import * as oneSummary from "@/app/api/v1/summaries/[id]/route";

const at = (iso: string) => new Date(iso);

async function day(patientId: string) {
  // 23 January 2026 in Chicago (UTC-6): two doses (one missed), lunch done, one skipped walk, a later dose not yet due
  await makeReminder(patientId, { dueAt: at("2026-01-23T14:00:00Z"), status: "completed", type: "medication" });
  await makeReminder(patientId, { dueAt: at("2026-01-24T00:00:00Z"), status: "missed", type: "medication" });
  await makeReminder(patientId, { dueAt: at("2026-01-23T18:30:00Z"), status: "completed", type: "meal", title: "Lunch" });
  await db.reminder.create({ data: { patientId, type: "exercise", title: "Walk", dueAt: at("2026-01-23T16:00:00Z"), status: "skipped" } });
  await makeReminder(patientId, { dueAt: at("2026-01-24T02:00:00Z"), type: "medication", title: "Aspirin" });
  // the day before, in UTC but not in Chicago: must not count
  await makeReminder(patientId, { dueAt: at("2026-01-23T05:00:00Z"), status: "missed", type: "medication" });
  const c = await db.conversation.create({ data: { patientId, conversationType: "spontaneous", startedAt: at("2026-01-23T15:00:00Z") } });
  await db.conversationTurn.create({
    data: {
      conversationId: c.id,
      patientId,
      sequence: 1,
      patientMessage: "My knee hurts",
      aiResponse: "I'm sorry",
      sentiment: "concerned",
      healthMentions: ["knee pain"],
      topics: ["health"],
      provider: "test",
      createdAt: at("2026-01-23T15:00:00Z"),
    },
  });
  await db.conversationTurn.create({
    data: {
      conversationId: c.id,
      patientId,
      sequence: 2,
      patientMessage: "Sarah visits Sunday",
      aiResponse: "Lovely",
      sentiment: "positive",
      topics: ["family"],
      provider: "test",
      createdAt: at("2026-01-23T15:05:00Z"),
    },
  });
  for (const t of ["2026-01-23T14:02:00Z", "2026-01-23T14:40:00Z", "2026-01-23T21:00:00Z"])
    await db.activityLog.create({ data: { patientId, activityType: "app_open", occurredAt: at(t) } });
}

describe("daily summaries", () => {
  it("summarises the patient's local day so far, by schedule type", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner, { timezone: "America/Chicago" });
    await day(p.id);
    const s = await computeDailySummary(db, p.id, "2026-01-23", at("2026-01-24T01:00:00Z")); // 19:00 local
    expect(s).toMatchObject({
      totalReminders: 3,
      completedReminders: 2,
      missedReminders: 1,
      conversationCount: 2,
      overallSentiment: "neutral",
      activeHours: [8, 15],
      narrativeSource: "template",
    });
    expect(s.adherenceMedication).toBe(0.5);
    expect(s.adherenceMeal).toBe(1);
    expect(s.adherenceOverall).toBeCloseTo(0.667, 3);
    expect(s.narrative).toContain("knee pain");
    // regenerating later replaces the same row, now with the 20:00 dose due
    const later = await computeDailySummary(db, p.id, "2026-01-23", at("2026-01-24T05:00:00Z"));
    expect(later.id).toBe(s.id);
    expect(later.totalReminders).toBe(4);
  });

  it("with ai_companion refused the narrative is the template and says the companion is off (SPEC §8)", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner, { timezone: "America/Chicago" });
    await makeReminder(p.id, { dueAt: at("2026-01-23T14:00:00Z"), status: "completed", type: "medication" });
    await db.consent.create({ data: { patientId: p.id, kind: "ai_companion", granted: false, givenBy: "patient" } });
    const s = await computeDailySummary(db, p.id, "2026-01-23", at("2026-01-24T01:00:00Z"));
    expect(s.narrativeSource).toBe("template:companion_off");
    expect(s.narrative).toContain("The voice companion is switched off");
    expect(s.narrative).toContain("completed 1 of 1 reminders");
    // granted again: the ordinary narrative
    await db.consent.create({ data: { patientId: p.id, kind: "ai_companion", granted: true, givenBy: "patient", recordedAt: new Date(Date.now() + 1000) } });
    const again = await computeDailySummary(db, p.id, "2026-01-23", at("2026-01-24T01:00:00Z"));
    expect(again.narrativeSource).toBe("template");
    expect(again.narrative).toContain("No conversations with the companion.");
  });

  it("goes to each caregiver at their daily_summary_time in their own zone, once, by the channels they chose", async () => {
    const owner = await makeCaregiver();
    await db.caregiver.update({
      where: { id: owner.id },
      data: {
        timezone: "Europe/London",
        phoneNumber: null,
        preferences: { daily_summary_time: "20:00", notifications: { email: true, sms: true, push: false } },
      },
    });
    const p = await makePatient(owner, { timezone: "America/Chicago" });
    await day(p.id);
    const due = async (iso: string) => (await findCaregiversDueForSummary(at(iso))).some((c) => c.caregiver_id === owner.id);
    expect(await due("2026-01-23T19:59:00Z")).toBe(false); // 19:59 in London
    expect(await due("2026-01-23T20:00:00Z")).toBe(true);
    const sent = await sendDailySummaries(owner.id, at("2026-01-23T20:00:00Z"));
    expect(sent).toMatchObject({ summaries: 1, channels: ["sms", "email"] });
    const attempts = await db.notificationAttempt.findMany({ where: { caregiverId: owner.id, purpose: "daily_summary" }, orderBy: { channel: "asc" } });
    expect(attempts.map((a) => `${a.channel}:${a.status}`).sort()).toEqual(["email:pending", "sms:skipped"]);
    expect(await due("2026-01-23T22:00:00Z")).toBe(false);
    await sendDailySummaries(owner.id, at("2026-01-23T20:00:00Z"));
    expect(await db.notificationAttempt.count({ where: { caregiverId: owner.id, purpose: "daily_summary" } })).toBe(2);
    // the patient's day is their own: 14:00 in Chicago on the 23rd
    const s = await db.dailySummary.findFirstOrThrow({ where: { patientId: p.id } });
    expect(s.summaryDate.toISOString().slice(0, 10)).toBe("2026-01-23");
  });

  it("lists, reads and regenerates through the API", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner, { timezone: "America/Chicago" });
    await day(p.id);
    const made = await call(patientSummaries.POST, { token: owner.token, params: { id: p.id }, body: { date: "2026-01-23" } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ summary_date: "2026-01-23", adherence: { medication: 0.333 } });
    const list = await call(patientSummaries.GET, { token: owner.token, params: { id: p.id } });
    expect(list.body.items).toHaveLength(1);
    expect((await call(oneSummary.GET, { token: owner.token, params: { id: made.body.id } })).body.id).toBe(made.body.id);
    expect((await call(patientSummaries.POST, { token: owner.token, params: { id: p.id }, body: { date: "23/01/2026" } })).status).toBe(422);
  });
});
