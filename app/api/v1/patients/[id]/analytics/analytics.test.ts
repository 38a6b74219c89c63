import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, makeReminder, type TestCaregiver } from "@/lib/testing/factories";
import * as analytics from "./route";
import * as exporter from "./export/route";
import * as mine from "../../../analytics/route";

/*
 * Betty lives in Sydney. Daylight saving ends there on Sunday 5 April 2026 at 03:00 (UTC+11 -> UTC+10), so
 * local midnight is 13:00 UTC before and 14:00 UTC after; 02:30 happens twice that night. Events sit near
 * local midnight, where the UTC date differs from the local one: a UTC-day bucketing would get every
 * figure below wrong.
 */
const NOW = "2026-04-10T00:00:00Z"; // 10:00 on Friday 10 April in Sydney
const RANGE = "from=2026-04-04&to=2026-04-06";

async function conversation(patientId: string, startedAt: string, topics: string[], sentiments: ("positive" | "neutral" | "concerned" | "distressed")[]) {
  const c = await db.conversation.create({
    data: { patientId, conversationType: "spontaneous", startedAt: new Date(startedAt), lastTurnAt: new Date(startedAt), topics, turnCount: sentiments.length },
  });
  await db.conversationTurn.createMany({
    data: sentiments.map((sentiment, i) => ({
      conversationId: c.id,
      patientId,
      sequence: i + 1,
      patientMessage: "hello",
      aiResponse: "hi",
      sentiment,
      provider: "test",
      createdAt: new Date(new Date(startedAt).getTime() + i * 60_000),
    })),
  });
}

async function alert(
  patientId: string,
  type: "emergency" | "inactivity" | "health_concern",
  severity: "medium" | "high" | "critical",
  createdAt: string,
  ackMinutes: number | null,
  resolveMinutes: number | null,
) {
  const at = new Date(createdAt);
  const plus = (m: number | null) => (m === null ? null : new Date(at.getTime() + m * 60_000));
  await db.alert.create({
    data: {
      patientId,
      type,
      severity,
      status: resolveMinutes !== null ? "resolved" : ackMinutes !== null ? "acknowledged" : "open",
      title: `${type} alert`,
      description: "d",
      source: "test",
      dedupKey: `${type}-${createdAt}`,
      createdAt: at,
      firstOccurredAt: at,
      lastOccurredAt: at,
      acknowledgedAt: plus(ackMinutes),
      resolvedAt: plus(resolveMinutes),
    },
  });
}

let owner: TestCaregiver;
let betty: string;

beforeAll(async () => {
  owner = await makeCaregiver();
  betty = (await makePatient(owner, { timezone: "Australia/Sydney" })).id;
  // reminders (local Sydney times in the comments)
  await makeReminder(betty, { dueAt: new Date("2026-04-03T12:59:00Z"), status: "missed" }); // Fri 3 Apr 23:59: previous range
  await makeReminder(betty, { dueAt: new Date("2026-04-04T12:30:00Z"), status: "completed" }); // Sat 4 Apr 23:30
  await makeReminder(betty, { dueAt: new Date("2026-04-04T13:15:00Z"), status: "missed" }); // Sun 5 Apr 00:15 (UTC: the 4th)
  await makeReminder(betty, { dueAt: new Date("2026-04-05T13:45:00Z"), status: "completed", type: "meal", title: "Dinner" }); // Sun 5 Apr 23:45
  await makeReminder(betty, { dueAt: new Date("2026-04-05T14:10:00Z"), status: "completed" }); // Mon 6 Apr 00:10 (UTC: the 5th)
  await makeReminder(betty, { dueAt: new Date("2026-04-06T14:00:00Z"), status: "completed" }); // Tue 7 Apr 00:00: after the range
  const skipped = await makeReminder(betty, { dueAt: new Date("2026-04-06T02:00:00Z") }); // Mon 6 Apr 12:00, skipped: not due
  await db.reminder.update({ where: { id: skipped.id }, data: { status: "skipped", nextActionAt: null } });
  await makeReminder(betty, { dueAt: new Date("2026-04-20T00:00:00Z") }); // after now: not yet due

  await conversation(betty, "2026-04-01T23:00:00Z", ["weather"], ["neutral"]); // Thu 2 Apr: previous range
  await conversation(betty, "2026-04-04T13:30:00Z", ["garden", "family"], ["positive", "positive"]); // Sun 5 Apr 00:30
  await conversation(betty, "2026-04-05T23:00:00Z", ["garden"], ["concerned"]); // Mon 6 Apr 09:00

  await alert(betty, "emergency", "critical", "2026-04-02T01:00:00Z", 40, 50); // previous range
  await alert(betty, "emergency", "critical", "2026-04-05T01:00:00Z", 10, 60); // Sun 5 Apr 11:00
  await alert(betty, "inactivity", "medium", "2026-04-05T22:00:00Z", 30, 120); // Mon 6 Apr 08:00
  await alert(betty, "health_concern", "high", "2026-04-06T03:00:00Z", null, null); // Mon 6 Apr 13:00, still open

  // the phone: 02:30 twice on the night the clocks go back, then the morning, then a day's silence
  await db.activityLog.createMany({
    data: ["2026-04-04T15:30:00Z", "2026-04-04T16:30:00Z", "2026-04-05T00:00:00Z", "2026-04-05T01:00:00Z", "2026-04-06T01:00:00Z"].map((t) => ({
      patientId: betty,
      activityType: "heartbeat" as const,
      occurredAt: new Date(t),
    })),
  });
});

afterEach(() => clock.set(null));

const get = (path: string, token = owner.token) => call(analytics.GET, { token, params: { id: betty }, path: `/api/v1/patients/${betty}/analytics?${path}` });

describe("GET /api/v1/patients/{id}/analytics", () => {
  it("buckets adherence by the patient's local day across a daylight-saving change", async () => {
    clock.set(NOW);
    const r = await get(RANGE);
    expect(r.status).toBe(200);
    expect(r.body.range).toEqual({ from: "2026-04-04", to: "2026-04-06", days: 3 });
    expect(r.body.previous_range).toEqual({ from: "2026-04-01", to: "2026-04-03", days: 3 });
    expect(r.body.adherence.map((b: { start: string; overall: object }) => [b.start, b.overall])).toEqual([
      ["2026-04-04", { due: 1, completed: 1, missed: 0, rate: 1 }],
      ["2026-04-05", { due: 2, completed: 1, missed: 1, rate: 0.5 }],
      ["2026-04-06", { due: 1, completed: 1, missed: 0, rate: 1 }],
    ]);
    expect(r.body.adherence[1].meal).toEqual({ due: 1, completed: 1, missed: 0, rate: 1 });
    expect(r.body.adherence[1].medication).toEqual({ due: 1, completed: 0, missed: 1, rate: 0 });
    expect(r.body.current.adherence.overall).toEqual({ due: 4, completed: 3, missed: 1, rate: 0.75 });
    expect(r.body.current.adherence.medication).toEqual({ due: 3, completed: 2, missed: 1, rate: 0.667 });
    expect(r.body.previous.adherence.overall).toEqual({ due: 1, completed: 0, missed: 1, rate: 0 });
    expect(r.body.delta.adherence_points).toEqual({ overall: 75, medication: 66.7, meal: null });
  });

  it("counts conversations, sentiment over time and top topics per local day, against the previous range", async () => {
    clock.set(NOW);
    const r = await get(RANGE);
    const c = r.body.conversations;
    expect(
      c.buckets.map((b: { start: string; count: number; turns: number; mean_sentiment: number | null }) => [b.start, b.count, b.turns, b.mean_sentiment]),
    ).toEqual([
      ["2026-04-04", 0, 0, null],
      ["2026-04-05", 1, 2, 1],
      ["2026-04-06", 1, 1, -1],
    ]);
    expect(c.buckets[1].sentiment).toEqual({ positive: 2, neutral: 0, concerned: 0, distressed: 0 });
    expect(c.top_topics).toEqual([
      { topic: "garden", count: 2 },
      { topic: "family", count: 1 },
    ]);
    expect(r.body.current.conversations).toEqual({ count: 2, turns: 3, mean_sentiment: 0.33 });
    expect(r.body.previous.conversations).toEqual({ count: 1, turns: 1, mean_sentiment: 0 });
    expect(r.body.delta.conversations).toBe(1);
    expect(r.body.delta.mean_sentiment).toBe(0.3);
  });

  it("reports alert frequency by type and severity and the times to acknowledge and resolve", async () => {
    clock.set(NOW);
    const r = await get(RANGE);
    const a = r.body.alerts;
    expect(a.buckets.map((b: { count: number }) => b.count)).toEqual([0, 1, 2]);
    expect(a.by_severity).toEqual([
      { severity: "critical", count: 1 },
      { severity: "high", count: 1 },
      { severity: "medium", count: 1 },
    ]);
    expect(a.by_type_and_severity).toHaveLength(3);
    expect(r.body.current.alerts).toEqual({
      count: 3,
      time_to_acknowledge: { count: 2, median_minutes: 20, p90_minutes: 28, mean_minutes: 20 },
      time_to_resolve: { count: 2, median_minutes: 90, p90_minutes: 114, mean_minutes: 90 },
    });
    expect(r.body.previous.alerts.time_to_acknowledge.median_minutes).toBe(40);
    expect(r.body.delta).toMatchObject({ alerts: 2, median_minutes_to_acknowledge: -20, median_minutes_to_resolve: 40 });
  });

  it("reads active hours in local time and finds the silences of two hours or more", async () => {
    clock.set(NOW);
    const r = await get(RANGE);
    const act = r.body.activity;
    expect(act.hours).toHaveLength(24);
    expect(act.hours[2]).toEqual({ hour: 2, events: 2, days: 1 }); // 02:30 twice on the night the clocks went back
    expect(act.hours[11]).toEqual({ hour: 11, events: 2, days: 2 });
    expect(act.hours[13]).toEqual({ hour: 13, events: 0, days: 0 }); // what UTC would have said for 02:30
    expect(act.buckets.map((b: { events: number; active_days: number }) => [b.events, b.active_days])).toEqual([
      [0, 0],
      [4, 1],
      [1, 1],
    ]);
    // from the first heartbeat ever (no activity before it is a gap), to the end of the range
    expect(act.longest_gaps).toEqual([
      { start: "2026-04-05T01:00:00.000Z", end: "2026-04-06T01:00:00.000Z", minutes: 1440 },
      { start: "2026-04-06T01:00:00.000Z", end: "2026-04-06T14:00:00.000Z", minutes: 780 },
      { start: "2026-04-04T16:30:00.000Z", end: "2026-04-05T00:00:00.000Z", minutes: 450 },
    ]);
    expect(r.body.current.activity).toEqual({ events: 5, active_days: 2, gaps_over_threshold: 3, longest_gap_minutes: 1440 });
    expect(r.body.previous.activity).toEqual({ events: 0, active_days: 0, gaps_over_threshold: 0, longest_gap_minutes: null });
  });

  it("a silence runs to now when the range has not ended yet", async () => {
    clock.set("2026-04-06T05:00:00Z"); // Mon 6 Apr 15:00 in Sydney
    const r = await get(RANGE);
    expect(r.body.activity.longest_gaps[0]).toEqual({ start: "2026-04-05T01:00:00.000Z", end: "2026-04-06T01:00:00.000Z", minutes: 1440 });
    expect(r.body.activity.longest_gaps[2]).toEqual({ start: "2026-04-06T01:00:00.000Z", end: "2026-04-06T05:00:00.000Z", minutes: 240 });
    // the 00:10 medication on the 6th was due; nothing later was
    expect(r.body.current.adherence.overall.due).toBe(4);
  });

  it("groups by ISO week (Monday) and by month, clipping the first and last bucket to the range", async () => {
    clock.set(NOW);
    const w = await get("from=2026-04-01&to=2026-04-08&granularity=week");
    expect(w.status).toBe(200);
    expect(
      w.body.adherence.map((b: { start: string; end: string; overall: { due: number; completed: number } }) => [
        b.start,
        b.end,
        b.overall.due,
        b.overall.completed,
      ]),
    ).toEqual([
      ["2026-04-01", "2026-04-05", 4, 2],
      ["2026-04-06", "2026-04-08", 2, 2],
    ]);
    const m = await get("from=2026-03-15&to=2026-05-02&granularity=month");
    expect(m.body.adherence.map((b: { start: string; end: string }) => [b.start, b.end])).toEqual([
      ["2026-03-15", "2026-03-31"],
      ["2026-04-01", "2026-04-30"],
      ["2026-05-01", "2026-05-02"],
    ]);
    expect(m.body.adherence[1].overall.due).toBe(6);
  });

  it("the month boundary is the local one", async () => {
    clock.set(NOW);
    const owner2 = await makeCaregiver();
    const p = (await makePatient(owner2, { timezone: "Australia/Sydney" })).id;
    await makeReminder(p, { dueAt: new Date("2026-03-31T12:30:00Z"), status: "completed" }); // 31 Mar 23:30 local
    await makeReminder(p, { dueAt: new Date("2026-03-31T13:30:00Z"), status: "missed" }); // 1 Apr 00:30 local, 31 Mar in UTC
    const r = await call(analytics.GET, { token: owner2.token, params: { id: p }, path: `/x?from=2026-03-01&to=2026-04-30&granularity=month` });
    expect(r.body.adherence.map((b: { overall: { completed: number; missed: number } }) => [b.overall.completed, b.overall.missed])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it("defaults to the 30 days up to the patient's today, and compares with the 30 days before", async () => {
    clock.set("2026-04-09T14:30:00Z"); // already Friday 10 April in Sydney
    const r = await get("");
    expect(r.body.range).toEqual({ from: "2026-03-12", to: "2026-04-10", days: 30 });
    expect(r.body.previous_range).toEqual({ from: "2026-02-10", to: "2026-03-11", days: 30 });
    expect(r.body.adherence).toHaveLength(30);
    expect(r.body.granularity).toBe("day");
    const fromOnly = await get("from=2026-04-01");
    expect(fromOnly.body.range).toEqual({ from: "2026-04-01", to: "2026-04-10", days: 10 });
  });

  it("audits the read", async () => {
    clock.set(NOW);
    const before = await db.auditEvent.count({ where: { action: "analytics.read", patientId: betty } });
    await get(RANGE);
    expect(await db.auditEvent.count({ where: { action: "analytics.read", patientId: betty } })).toBe(before + 1);
  });

  it("refuses bad ranges and granularities with a clear error, and other people's patients with 404", async () => {
    clock.set(NOW);
    const cases: [string, string][] = [
      ["from=2026-04-06&to=2026-04-04", "to"],
      ["from=2024-01-01&to=2026-04-01", "from"],
      ["granularity=hour", "granularity"],
      ["from=yesterday", "from"],
      ["to=2026-02-30", "to"],
      ["days=7", ""],
    ];
    for (const [q, field] of cases) {
      const r = await get(q);
      expect(r.status, q).toBe(422);
      if (field)
        expect(
          r.body.errors.map((e: { field: string }) => e.field),
          q,
        ).toContain(field);
    }
    expect((await get("from=2024-04-01&to=2026-03-31")).status).toBe(200); // exactly 730 days
    const outsider = await makeCaregiver();
    const r = await get(RANGE, outsider.token);
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body)).not.toMatch(/Betty|Johnson/);
    expect((await call(analytics.GET, { params: { id: betty }, path: `/x?${RANGE}` })).status).toBe(401);
  });
});

describe("analytics under load", () => {
  it("answers at most 60 reports a minute per caregiver (429 after that, with Retry-After), and again the next minute", async () => {
    const busy = await makeCaregiver();
    const patient = await makePatient(busy);
    const ask = (who: TestCaregiver) => call(analytics.GET, { token: who.token, params: { id: patient.id }, path: `/x?from=2026-01-01&to=2026-01-07` });
    clock.set(new Date("2026-02-01T10:00:00Z"));
    for (let i = 0; i < 60; i++) expect((await ask(busy)).status).toBe(200);
    const refused = await ask(busy);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // the next minute it answers again
    clock.set(new Date("2026-02-01T10:01:01Z"));
    expect((await ask(busy)).status).toBe(200);
  }, 60_000);
});

describe("GET /api/v1/patients/{id}/analytics/export", () => {
  it("downloads a CSV with a header row and one row per bucket, named without the patient's name", async () => {
    clock.set(NOW);
    const r = await call(exporter.GET, { token: owner.token, params: { id: betty }, path: `/x?${RANGE}&format=csv` });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = r.headers.get("content-disposition") ?? "";
    expect(disposition).toBe(`attachment; filename="elda-report-${betty.slice(0, 8)}-2026-04-04-to-2026-04-06-day.csv"`);
    expect(disposition).not.toMatch(/Betty|Johnson/i);
    expect(r.headers.get("x-request-id")).toBeTruthy();
    const lines = (r.body as string).trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      "bucket_start,bucket_end,reminders_due,reminders_completed,reminders_missed,adherence_overall_pct,medication_due,medication_completed,adherence_medication_pct,meal_due,meal_completed,adherence_meal_pct,conversations,conversation_turns,mean_sentiment,turns_positive,turns_neutral,turns_concerned,turns_distressed,alerts,activity_events,active_days",
    );
    expect(lines[1]).toBe("2026-04-04,2026-04-04,1,1,0,100,1,1,100,0,0,,0,0,,0,0,0,0,0,0,0");
    expect(lines[2]).toBe("2026-04-05,2026-04-05,2,1,1,50,1,0,0,1,1,100,1,2,1,2,0,0,0,1,4,1");
    expect(await db.auditEvent.count({ where: { action: "analytics.exported", patientId: betty } })).toBeGreaterThan(0);
  });

  it("downloads the same rows as JSON, and refuses unknown formats and outsiders", async () => {
    clock.set(NOW);
    const r = await call(exporter.GET, { token: owner.token, params: { id: betty }, path: `/x?${RANGE}&format=json&granularity=week` });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toMatch(/^attachment; filename="elda-report-.*-week\.json"$/);
    expect(r.body.range).toEqual({ from: "2026-04-04", to: "2026-04-06", days: 3 });
    expect(r.body.rows).toEqual([
      expect.objectContaining({ bucket_start: "2026-04-04", bucket_end: "2026-04-05", reminders_due: 3, adherence_overall_pct: 66.7, alerts: 1 }),
      expect.objectContaining({ bucket_start: "2026-04-06", bucket_end: "2026-04-06", reminders_due: 1, alerts: 2 }),
    ]);
    expect((await call(exporter.GET, { token: owner.token, params: { id: betty }, path: `/x?format=xml` })).status).toBe(422);
    const outsider = await makeCaregiver();
    expect((await call(exporter.GET, { token: outsider.token, params: { id: betty }, path: `/x?format=csv` })).status).toBe(404);
    expect((await call(exporter.GET, { params: { id: betty }, path: `/x?format=csv` })).status).toBe(401);
  });
});

describe("GET /api/v1/analytics (all my patients)", () => {
  it("sums each patient's local days, open alerts and conversations, and leaves out patients I cannot see", async () => {
    clock.set(NOW);
    const me = await makeCaregiver();
    const sydney = (await makePatient(me, { first_name: "Ann", last_name: "Adams", timezone: "Australia/Sydney" })).id;
    const chicago = (await makePatient(me, { first_name: "Bea", last_name: "Brown", timezone: "America/Chicago" })).id;
    const stranger = await makeCaregiver();
    const hidden = (await makePatient(stranger)).id;
    await makeReminder(sydney, { dueAt: new Date("2026-04-04T13:15:00Z"), status: "completed" }); // Sun 5 Apr 00:15 Sydney: in range
    await makeReminder(sydney, { dueAt: new Date("2026-04-06T14:30:00Z"), status: "missed" }); // Tue 7 Apr Sydney: after
    await makeReminder(chicago, { dueAt: new Date("2026-04-07T04:30:00Z"), status: "missed" }); // Mon 6 Apr 23:30 Chicago: in range
    await makeReminder(chicago, { dueAt: new Date("2026-04-03T12:00:00Z"), status: "completed" }); // Fri 3 Apr: previous range
    await makeReminder(hidden, { dueAt: new Date("2026-04-05T12:00:00Z"), status: "completed" });
    await alert(chicago, "health_concern", "high", "2026-04-05T15:00:00Z", null, null);
    await conversation(sydney, "2026-04-05T00:00:00Z", ["garden"], ["positive"]);

    const r = await call(mine.GET, { token: me.token, path: `/api/v1/analytics?${RANGE}` });
    expect(r.status).toBe(200);
    expect(r.body.patients.map((p: { name: string }) => p.name)).toEqual(["Ann Adams", "Bea Brown"]);
    const [ann, bea] = r.body.patients;
    expect(ann).toMatchObject({ adherence: { due: 1, completed: 1, rate: 1 }, conversations: 1, alerts: 0, open_alerts: { total: 0 } });
    expect(bea).toMatchObject({
      adherence: { due: 1, missed: 1, rate: 0 },
      previous_adherence: { due: 1, completed: 1, rate: 1 },
      alerts: 1,
      open_alerts: { total: 1, high: 1 },
    });
    expect(r.body.totals).toEqual({
      patients: 2,
      adherence: { due: 2, completed: 1, missed: 1, rate: 0.5 },
      previous_adherence: { due: 1, completed: 1, missed: 0, rate: 1 },
      adherence_delta_points: -50,
      conversations: 1,
      alerts: 1,
      open_alerts: 1,
    });
    expect(await db.auditEvent.count({ where: { action: "analytics.caregiver_read", actorId: me.id } })).toBe(1);
  });

  it("defaults to the 30 days up to the caregiver's today; refuses bad ranges; needs a credential", async () => {
    clock.set("2026-04-10T03:00:00Z"); // still 9 April in Chicago (the caregiver's zone)
    const me = await makeCaregiver();
    const r = await call(mine.GET, { token: me.token, path: "/api/v1/analytics" });
    expect(r.body.range).toEqual({ from: "2026-03-11", to: "2026-04-09", days: 30 });
    expect(r.body.totals.patients).toBe(0);
    expect(r.body.totals.adherence.rate).toBeNull();
    expect((await call(mine.GET, { token: me.token, path: "/api/v1/analytics?from=2026-04-09&to=2026-04-01" })).status).toBe(422);
    expect((await call(mine.GET, { token: me.token, path: "/api/v1/analytics?granularity=day" })).status).toBe(422);
    expect((await call(mine.GET, { path: "/api/v1/analytics" })).status).toBe(401);
  });
});
