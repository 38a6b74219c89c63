import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { registerPushToken } from "@/lib/devices/devices";
import { createSchedule } from "@/lib/schedules/schedules";
import { acknowledgeReminder } from "./acknowledge-reminder";
import { deliverDueReminders, nextStep, reminderPush } from "./deliver-reminders";
import { generateReminderInstances } from "./generate-reminders";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { requestContext } from "@/lib/observability/request-context";
import { setEventSink, type DomainEvent } from "@/lib/jobs/emit";

/** Betty in Chicago, paired, with a push token and an 08:00 Metformin schedule created at `start`. */
async function betty(start: string, schedule: Partial<Parameters<typeof createSchedule>[2]> = {}) {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { timezone: "America/Chicago" });
  const device = await pairDevice(patient.id);
  await registerPushToken(
    { kind: "device", deviceId: device.deviceId, patientId: patient.id },
    { patient_id: patient.id, device_token: `fcm-${patient.id}`, platform: "ios" },
    new Date(start),
  );
  const s = await createSchedule(
    owner.actor,
    patient.id,
    { type: "medication", title: "Metformin 500mg", times_of_day: ["08:00"], recurrence: "daily", start_date: start.slice(0, 10), ...schedule },
    new Date(start),
  );
  return { owner, patient, device, schedule: s };
}

const at = (iso: string) => new Date(iso);
const attempts = (reminderId: string) => db.notificationAttempt.findMany({ where: { reminderId, purpose: "reminder" }, orderBy: { createdAt: "asc" } });

describe("reminder delivery on a set clock", () => {
  it("pushes at 14:00, 14:10 and 14:20 UTC in January, then marks the dose missed with a medium alert at 14:30", async () => {
    const { patient } = await betty("2026-01-15T06:00:00Z");
    const r = await db.reminder.findFirstOrThrow({ where: { patientId: patient.id, dueAt: at("2026-01-15T14:00:00Z") } });
    expect(r.status).toBe("pending");
    const run = (iso: string) => deliverDueReminders(at(iso));
    await run("2026-01-15T13:59:00Z");
    expect(await attempts(r.id)).toHaveLength(0);
    await run("2026-01-15T14:00:00Z");
    await run("2026-01-15T14:05:00Z");
    await run("2026-01-15T14:10:00Z");
    await run("2026-01-15T14:20:00Z");
    await run("2026-01-15T14:29:00Z");
    const sent = await attempts(r.id);
    expect(sent.map((a) => a.createdAt.toISOString())).toEqual(["2026-01-15T14:00:00.000Z", "2026-01-15T14:10:00.000Z", "2026-01-15T14:20:00.000Z"]);
    expect((await db.reminder.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("pending"); // the phone still sees pending
    await run("2026-01-15T14:30:00Z");
    const after = await db.reminder.findUniqueOrThrow({ where: { id: r.id }, include: { alert: true } });
    expect(after.status).toBe("missed");
    expect(after.alert).toMatchObject({ type: "missed_medication", severity: "medium", status: "open" });
    // later sweeps change nothing
    await run("2026-01-15T15:00:00Z");
    expect(await attempts(r.id)).toHaveLength(3);
  });

  it("is due at 13:00 UTC in July", async () => {
    const { patient } = await betty("2026-07-15T06:00:00Z");
    expect(await db.reminder.count({ where: { patientId: patient.id, dueAt: at("2026-07-15T13:00:00Z") } })).toBe(1);
  });

  it("does nothing more once acknowledged at 14:15", async () => {
    const { patient, device } = await betty("2026-01-16T06:00:00Z");
    const r = await db.reminder.findFirstOrThrow({ where: { patientId: patient.id, dueAt: at("2026-01-16T14:00:00Z") } });
    await deliverDueReminders(at("2026-01-16T14:00:00Z"));
    await deliverDueReminders(at("2026-01-16T14:10:00Z"));
    await acknowledgeReminder({ kind: "device", deviceId: device.deviceId, patientId: patient.id }, r.id, { status: "completed" }, at("2026-01-16T14:15:00Z"));
    await deliverDueReminders(at("2026-01-16T14:20:00Z"));
    await deliverDueReminders(at("2026-01-16T14:30:00Z"));
    expect(await attempts(r.id)).toHaveLength(2);
    const after = await db.reminder.findUniqueOrThrow({ where: { id: r.id } });
    expect(after.status).toBe("completed");
    expect(await db.alert.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("records one attempt per push token, keyed so a retry cannot send twice", async () => {
    const { patient } = await betty("2026-01-17T06:00:00Z");
    await deliverDueReminders(at("2026-01-17T14:00:00Z"));
    await deliverDueReminders(at("2026-01-17T14:10:00Z"));
    const r = await db.reminder.findFirstOrThrow({ where: { patientId: patient.id, dueAt: at("2026-01-17T14:00:00Z") } });
    const sent = await attempts(r.id);
    expect(sent.map((a) => a.status)).toEqual(["simulated", "simulated"]);
    expect(sent[0].idempotencyKey).toContain(`reminder:${r.id}:push:1`);
  });

  it("comes back after a snooze, and a repeated sweep never pushes twice", async () => {
    const { patient, device } = await betty("2026-01-18T06:00:00Z");
    const r = await db.reminder.findFirstOrThrow({ where: { patientId: patient.id, dueAt: at("2026-01-18T14:00:00Z") } });
    await deliverDueReminders(at("2026-01-18T14:00:00Z"));
    await deliverDueReminders(at("2026-01-18T14:00:00Z"));
    expect(await attempts(r.id)).toHaveLength(1);
    const snoozed = await acknowledgeReminder(
      { kind: "device", deviceId: device.deviceId, patientId: patient.id },
      r.id,
      { status: "snoozed" },
      at("2026-01-18T14:05:00Z"),
    );
    expect(snoozed.due_at).toBe("2026-01-18T14:15:00.000Z");
    await deliverDueReminders(at("2026-01-18T14:14:00Z"));
    expect(await attempts(r.id)).toHaveLength(1);
    await deliverDueReminders(at("2026-01-18T14:15:00Z"));
    expect(await attempts(r.id)).toHaveLength(2);
    expect((await db.reminder.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("pending");
    await deliverDueReminders(at("2026-01-18T14:45:00Z"));
    expect((await db.reminder.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("missed");
  });

  it("honours advance notice and schedules that do not alert", async () => {
    const { patient } = await betty("2026-01-19T06:00:00Z", { type: "meal", title: "Breakfast", advance_notice_minutes: 15 });
    const r = await db.reminder.findFirstOrThrow({ where: { patientId: patient.id, dueAt: at("2026-01-19T14:00:00Z") } });
    expect(r.nextActionAt?.toISOString()).toBe("2026-01-19T13:45:00.000Z");
    await deliverDueReminders(at("2026-01-19T13:45:00Z"));
    expect(await attempts(r.id)).toHaveLength(1);
    await deliverDueReminders(at("2026-01-19T14:30:00Z"));
    expect((await db.reminder.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("missed");
    expect(await db.alert.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("generation is idempotent and rolling", async () => {
    const { patient } = await betty("2026-01-20T06:00:00Z");
    const before = await db.reminder.count({ where: { patientId: patient.id } });
    expect(before).toBe(2); // the next 48 hours: 20th and 21st
    await generateReminderInstances(at("2026-01-20T06:00:00Z"), { patientId: patient.id });
    expect(await db.reminder.count({ where: { patientId: patient.id } })).toBe(2);
    await generateReminderInstances(at("2026-01-21T15:00:00Z"), { patientId: patient.id });
    expect(await db.reminder.count({ where: { patientId: patient.id } })).toBe(4); // + the 22nd and 23rd
  });
});

describe("the reminder push", () => {
  it("carries the data fields the app reads, as strings (SPEC §3), and shows no medication on the lock screen", () => {
    const row = {
      id: "r1",
      patient_id: "p1",
      type: "medication" as const,
      title: "Metformin 500mg",
      message: "Take with breakfast",
      status: "pending" as const,
      due_at: at("2026-01-15T14:00:00Z"),
      delivery_count: 0,
      repeat_until_acknowledged: true,
      repeat_interval_minutes: null,
      max_repeats: null,
      missed_after_minutes: null,
      org_settings: {},
      timezone: "America/Chicago",
      language: "en",
      communication_style: "friendly" as const,
    };
    const first = reminderPush(row, 1);
    expect(first.data).toEqual({
      type: "reminder",
      reminder_id: "r1",
      reminder_type: "medication",
      speak_text: "Hi! It's time for your medication: Metformin 500mg. This is scheduled for 8:00 AM. Take with breakfast",
      requires_response: "true",
      voice_check_in: "false",
      retry_count: "0",
      notification_type: "medication_reminder",
      priority: "high",
      language: "en",
    });
    const repeat = reminderPush({ ...row, type: "meal", title: "Lunch", message: null }, 3);
    expect(repeat.data).toMatchObject({ voice_check_in: "true", retry_count: "2", notification_type: "general", priority: "medium" });
    // the lock screen names no medication, condition or title (SPEC §7): only the kind of reminder
    expect([first.title, first.body]).toEqual(["Elda: a reminder", "It's time for your medicine. Open Elda to hear it."]);
    expect([repeat.title, repeat.body]).toEqual(["Elda: a reminder, again", "It's time to eat. Open Elda to hear it."]);
    expect(`${first.title} ${first.body}`).not.toMatch(/Metformin|breakfast/i);
    expect(Object.values(repeat.data).every((v) => typeof v === "string")).toBe(true);
  });
});

describe("nextStep", () => {
  const t = { repeat: true, intervalMinutes: 10, repeats: 2, missedAfterMinutes: 30 };
  const due = at("2026-01-15T14:00:00Z");
  it("never bursts after a late sweep", () => {
    expect(nextStep(due, 0, t, at("2026-01-15T14:25:00Z"))).toEqual({ action: "push", deliveryCount: 1, nextActionAt: at("2026-01-15T14:30:00Z") });
    expect(nextStep(due, 0, { ...t, repeat: false }, at("2026-01-15T14:00:00Z"))).toEqual({
      action: "push",
      deliveryCount: 1,
      nextActionAt: at("2026-01-15T14:30:00Z"),
    });
    expect(nextStep(due, 3, t, at("2026-01-15T14:31:00Z"))).toEqual({ action: "missed" });
  });
});

describe("a missed-dose backlog after a one-hour outage", () => {
  it("is missed in one sweep in bulk: each dose once, its alert raised once at the right severity, one event per raised alert", async () => {
    // 5 January 2026, Chicago: doses at 08:00 and 08:30 (14:00 and 14:30 UTC); nothing ran from 14:00 to 15:00
    const start = at("2026-01-05T06:00:00Z");
    const owner = await makeCaregiver();
    const family = async (first: string, schedules: Partial<Parameters<typeof createSchedule>[2]>[]) => {
      const patient = await makePatient(owner, { first_name: first, last_name: "Backlog" });
      await pairDevice(patient.id);
      for (const s of schedules) {
        await createSchedule(
          owner.actor,
          patient.id,
          { type: "medication", title: "Metformin 500mg", times_of_day: ["08:00", "08:30"], recurrence: "daily", start_date: "2026-01-05", ...s },
          start,
        );
      }
      const doses = await db.reminder.findMany({
        where: { patientId: patient.id, dueAt: { gte: at("2026-01-05T14:00:00Z"), lt: at("2026-01-05T15:00:00Z") } },
        orderBy: [{ title: "asc" }, { dueAt: "asc" }],
      });
      return { patient, doses };
    };
    const ann = await family("Ann", [{}]);
    const bob = await family("Bob", [{ title: "Warfarin 5mg", is_critical: true }]);
    const cy = await family("Cy", [
      { type: "meal", title: "Breakfast" },
      { type: "meal", title: "Snack", alert_on_miss: true },
    ]);
    const dot = await family("Dot", [{ title: "Lisinopril 10mg", is_critical: true }]);
    const eve = await family("Eve", [{}]);
    const everyone = [ann, bob, cy, dot, eve];
    expect(everyone.map((f) => f.doses.length)).toEqual([2, 2, 4, 2, 2]);
    // already open for the same dose (same type and dedup key): Dot's rises to high, Eve's gains an occurrence
    const earlier = async (f: typeof ann) =>
      raiseAlert(
        db,
        {
          patientId: f.patient.id,
          type: "missed_medication",
          severity: "medium",
          dedupKey: `reminder:${f.doses[0].id}`,
          title: "Reported earlier",
          description: "d",
          source: "test",
          evidence: { kind: "rule", at: "earlier" },
        },
        at("2026-01-05T14:40:00Z"),
      );
    const dotEarlier = await earlier(dot);
    const eveEarlier = await earlier(eve);

    const seen: DomainEvent[] = [];
    setEventSink(async (events) => void seen.push(...events));
    const ours = new Set(everyone.map((f) => f.patient.id));
    const ourEvents = () => seen.filter((e) => ours.has((e.data as { patient_id?: string }).patient_id ?? ""));
    try {
      // the first sweep after the outage, at its end plus the missed threshold
      const counted = { ms: 0, queries: 0 };
      const swept = await requestContext.run({ requestId: "backlog-sweep", ip: null, db: counted }, () => deliverDueReminders(at("2026-01-05T15:30:00Z")));
      // in bulk: a handful of statements for the whole batch (row by row it was six or more per missed dose)
      expect(counted.queries).toBeLessThanOrEqual(15);
      expect(swept.missed).toBeGreaterThanOrEqual(12);
      expect(swept.alerts).toBeGreaterThanOrEqual(10);
      const doses = await db.reminder.findMany({ where: { id: { in: everyone.flatMap((f) => f.doses.map((d) => d.id)) } }, include: { alert: true } });
      expect(doses.every((d) => d.status === "missed" && d.missedAt?.toISOString() === "2026-01-05T15:30:00.000Z" && d.nextActionAt === null)).toBe(true);
      const alertOf = (id: string) => doses.find((d) => d.id === id)!.alert;

      // Ann: two medium alerts, in the words missReminder has always written
      expect(alertOf(ann.doses[0].id)).toMatchObject({
        type: "missed_medication",
        severity: "medium",
        status: "open",
        occurrenceCount: 1,
        dedupKey: `reminder:${ann.doses[0].id}`,
        title: "Missed medication: Metformin 500mg",
        description: 'Ann Backlog has not confirmed "Metformin 500mg" (due 8:00 AM). No confirmation after 0 reminders.',
        recommendedAction: "Call Ann to check whether it was done and that they are all right.",
        source: "reminder_missed",
      });
      expect(alertOf(ann.doses[0].id)?.evidence).toEqual([
        {
          kind: "missed_reminder",
          at: "2026-01-05T15:30:00.000Z",
          reminder_id: ann.doses[0].id,
          title: "Metformin 500mg",
          due_at: "2026-01-05T14:00:00.000Z",
          deliveries: 0,
          reason: "No confirmation after 0 reminders.",
        },
      ]);
      expect(alertOf(ann.doses[1].id)).toMatchObject({ severity: "medium", description: expect.stringContaining("(due 8:30 AM)") });
      // Bob's critical medication: high
      expect(bob.doses.map((d) => alertOf(d.id)?.severity)).toEqual(["high", "high"]);
      // Cy: the breakfast does not alert, the snack (asked to) is a missed reminder
      expect(cy.doses.map((d) => [alertOf(d.id)?.type ?? null, alertOf(d.id)?.severity ?? null])).toEqual([
        [null, null],
        [null, null],
        ["missed_reminder", "medium"],
        ["missed_reminder", "medium"],
      ]);
      // Dot: the open alert is the same one, raised to high (reopened, new words); Eve's only counts again
      expect(alertOf(dot.doses[0].id)).toMatchObject({
        id: dotEarlier.alertId,
        severity: "high",
        occurrenceCount: 2,
        title: "Missed medication: Lisinopril 10mg",
      });
      expect(alertOf(dot.doses[1].id)).toMatchObject({ severity: "high", occurrenceCount: 1 });
      expect(alertOf(eve.doses[0].id)).toMatchObject({ id: eveEarlier.alertId, severity: "medium", occurrenceCount: 2, title: "Reported earlier" });
      const kinds = async (alertId: string) => (await db.alertEvent.findMany({ where: { alertId }, orderBy: { createdAt: "asc" } })).map((e) => e.kind);
      expect(await kinds(dotEarlier.alertId)).toEqual(["raised", "severity_raised"]);
      expect(await kinds(eveEarlier.alertId)).toEqual(["raised", "occurrence"]);
      expect(await kinds(alertOf(bob.doses[0].id)!.id)).toEqual(["raised"]);
      // one alert per alerting dose, none twice
      expect(await db.alert.count({ where: { patientId: { in: [...ours] } } })).toBe(10);

      // one event per raised alert: 8 new ones and Dot's rise; Eve's repeat notifies nobody
      const names = (events: DomainEvent[]) => events.map((e) => e.name).sort();
      expect(names(ourEvents())).toEqual([...Array(8).fill("alert/raised"), "alert/severity-raised"]);
      expect(new Set(ourEvents().map((e) => e.id)).size).toBe(9);

      // a later sweep finds nothing left: no dose missed twice, no alert raised again
      await deliverDueReminders(at("2026-01-05T16:00:00Z"));
      expect(ourEvents()).toHaveLength(9);
      expect(await db.alert.aggregate({ where: { patientId: { in: [...ours] } }, _sum: { occurrenceCount: true } })).toEqual({
        _sum: { occurrenceCount: 12 },
      });
    } finally {
      setEventSink(undefined);
    }
  });
});

describe("a backlog larger than one batch", () => {
  it("is worked through batch after batch in one sweep, not one batch a minute", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago" });
    await pairDevice(patient.id);
    const start = at("2026-01-06T06:00:00Z");
    await createSchedule(
      owner.actor,
      patient.id,
      { type: "meal", title: "Water", times_of_day: ["08:00", "08:10", "08:20", "08:30", "08:40"], recurrence: "daily", start_date: "2026-01-06" },
      start,
    );
    const due = { patientId: patient.id, dueAt: { gte: at("2026-01-06T14:00:00Z"), lt: at("2026-01-06T15:00:00Z") } };
    expect(await db.reminder.count({ where: due })).toBe(5);
    // batches of 2: three of them in the one sweep
    const swept = await deliverDueReminders(at("2026-01-06T15:30:00Z"), 2);
    expect(swept.missed).toBeGreaterThanOrEqual(5);
    expect(await db.reminder.count({ where: { ...due, status: "missed" } })).toBe(5);
  });
});
