import { afterEach, describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { db, type Prisma } from "@/lib/db/client";
import { makeCaregiver, makePatient, pairDevice, type TestCaregiver } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { registerPushToken } from "@/lib/devices/devices";
import { createSchedule } from "@/lib/schedules/schedules";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { findCaregiversDueForSummaryIsolated, sendDailySummariesIsolated } from "@/lib/summaries/deliver-daily-summaries";
import * as metricsRoute from "@/app/api/metrics/route";
import { sweepInactivity } from "@/lib/inactivity/sweep-inactivity";
import { sendPendingPushes } from "@/lib/notifications/push-to-patient";
import { EmbeddedRunner } from "./embedded-runner";
import { jobs } from "./jobs";

/*
 * One bad row never silences everyone (SPEC §5). Rows are poisoned the way another system could write them,
 * straight into the database past validation: a patient's zone nobody knows, a caregiver's zone Node knows
 * and PostgreSQL does not, an alert with an impossible escalation step. The jobs run as in production (the
 * embedded runner, on a set clock): every other patient is still reminded, alerted for inactivity,
 * summarized and escalated; the poisoned rows are quarantined, counted, retried later, and released once
 * repaired. 24 February 2026, Chicago (UTC-6).
 */
afterEach(() => clock.set(null));
const at = (iso: string) => new Date(iso);

async function pairedPatient(owner: TestCaregiver, first: string) {
  const patient = await makePatient(owner, { first_name: first, last_name: "Poisonproof", timezone: "America/Chicago" });
  const device = await pairDevice(patient.id);
  await registerPushToken(
    { kind: "device", deviceId: device.deviceId, patientId: patient.id },
    { patient_id: patient.id, device_token: `fcm-${patient.id}`, platform: "android" },
    at("2026-02-24T06:00:00Z"),
  );
  await createSchedule(
    owner.actor,
    patient.id,
    { type: "medication", title: "Metformin 500mg", times_of_day: ["08:00"], recurrence: "daily", start_date: "2026-02-24" },
    at("2026-02-24T06:00:00Z"),
  );
  return patient;
}

const quarantine = (job: string, rowId: string) =>
  db.jobQuarantine.findUnique({
    where: { job_rowKind_rowId: { job, rowKind: job === "alerts-escalate" ? "alert" : job === "daily-summaries" ? "caregiver" : "patient", rowId } },
  });
const pushes = (patientId: string) => db.notificationAttempt.count({ where: { patientId, purpose: "reminder" } });
const inactivity = (patientId: string) => db.alert.findFirst({ where: { patientId, type: "inactivity", status: "open" } });

/** Run a cron job at `iso` the way the embedded runner does, and wait for what it fans out. */
async function runJob(runner: EmbeddedRunner, id: string, iso: string) {
  clock.set(iso);
  await runner.trigger(id);
  await runner.drain();
}

describe("a poisoned row is quarantined and everyone else is still served", () => {
  it("reminders, inactivity, escalation and summaries go on around poisoned rows, which are retried and released once repaired", async () => {
    const runner = new EmbeddedRunner(jobs, { retryBaseMs: 1 });
    const sarah = await makeCaregiver({ firstName: "Sarah" });
    const betty = await pairedPatient(sarah, "Betty");
    const pat = await pairedPatient(sarah, "Pat");
    const tom = await makeCaregiver({ firstName: "Tom" });
    const walter = await pairedPatient(tom, "Walter");
    const bob = await makeCaregiver({ firstName: "Bob" });
    await pairedPatient(bob, "Vera");
    // the poison, past validation
    await db.$executeRaw`UPDATE patients SET timezone = 'Mars/Olympus' WHERE id = ${pat.id}::uuid`;
    await db.$executeRaw`UPDATE caregivers SET timezone = 'US/Pacific-New' WHERE id = ${bob.id}::uuid`;

    // 08:00 in Chicago: Betty's and Walter's doses are pushed; Pat's cannot be rendered and waits in quarantine
    await runJob(runner, "reminders-generate", "2026-02-24T14:00:00Z");
    await runJob(runner, "reminders-deliver", "2026-02-24T14:00:00Z");
    expect(await pushes(betty.id)).toBe(1);
    expect(await pushes(walter.id)).toBe(1);
    expect(await pushes(pat.id)).toBe(0);
    expect(await quarantine("reminders-deliver", pat.id)).toMatchObject({ errorClass: "RangeError", attempts: 1, retryAfter: at("2026-02-24T14:05:00Z") });
    expect(await quarantine("reminders-generate", pat.id)).toMatchObject({ errorClass: "UnknownTimeZone" });
    expect(await pushes(betty.id)).toBe(1);

    // 13:00 in Chicago, silent since 09:00: Betty and Walter get their inactivity alert; Pat's row fails the statement
    await db.patient.updateMany({ where: { id: { in: [betty.id, pat.id, walter.id] } }, data: { lastActiveAt: at("2026-02-24T15:00:00Z") } });
    // an older alert another system left with an impossible escalation step: it would block every alert behind it
    const stuck = await raiseAlert(
      db,
      {
        patientId: walter.id,
        type: "health_concern",
        severity: "high",
        dedupKey: "stuck",
        title: "Stuck",
        description: "d",
        source: "test",
        evidence: { kind: "rule", at: "x" },
      },
      at("2026-02-24T10:00:00Z"),
    );
    await db.$executeRaw`UPDATE alerts SET escalation_step = -1 WHERE id = ${stuck.alertId}::uuid`;
    await runJob(runner, "inactivity-sweep", "2026-02-24T19:00:00Z");
    expect(await inactivity(betty.id)).toMatchObject({ severity: "medium" });
    expect(await inactivity(walter.id)).toMatchObject({ severity: "medium" });
    expect(await inactivity(pat.id)).toBeNull();
    expect(await quarantine("inactivity", pat.id)).toMatchObject({ errorClass: "pg 22023", errorMessage: 'time zone "…" not recognized', attempts: 1 });

    // escalation: the raised alerts reach the care team; the stuck one is set aside
    await runJob(runner, "alerts-escalate", "2026-02-24T19:00:00Z");
    const bettyAlert = await inactivity(betty.id);
    expect(bettyAlert).toMatchObject({ escalationState: "active", escalationStep: 1 });
    expect(await db.notificationAttempt.count({ where: { alertId: bettyAlert!.id, caregiverId: sarah.id, purpose: "alert" } })).toBeGreaterThan(0);
    expect(await db.notificationAttempt.count({ where: { alertId: (await inactivity(walter.id))!.id, caregiverId: tom.id } })).toBeGreaterThan(0);
    expect(await quarantine("alerts-escalate", stuck.alertId)).toMatchObject({ errorClass: "TypeError", attempts: 1 });

    // 20:00 in Chicago: Bob's zone fails the discovery statement, Pat's fails Sarah's summary of Pat; everyone else is summarized
    clock.set("2026-02-25T02:00:00Z");
    const due = (await findCaregiversDueForSummaryIsolated(clock.now())).map((c) => c.caregiver_id);
    expect(due).toEqual(expect.arrayContaining([sarah.id, tom.id]));
    expect(due).not.toContain(bob.id);
    expect(await quarantine("daily-summaries", bob.id)).toMatchObject({ errorClass: "pg 22023" });
    await sendDailySummariesIsolated(sarah.id, clock.now());
    await sendDailySummariesIsolated(tom.id, clock.now());
    const summarized = async (caregiverId: string, patientId: string) =>
      db.notificationAttempt.count({ where: { caregiverId, patientId, purpose: "daily_summary" } });
    expect(await summarized(sarah.id, betty.id)).toBeGreaterThan(0);
    expect(await summarized(tom.id, walter.id)).toBeGreaterThan(0);
    expect(await summarized(sarah.id, pat.id)).toBe(0);
    expect(await quarantine("daily-summaries", sarah.id)).toMatchObject({ errorClass: "SummariesIncomplete (UnknownTimeZone)" });

    // operators see it: counted on /api/metrics, ids only (no names) in the table
    const scraped = await call(metricsRoute.GET, { path: "/api/metrics" });
    expect(scraped.body).toMatch(/elda_job_rows_quarantined_total\{job="inactivity",kind="patient"\} [1-9]/);
    expect(scraped.body).toMatch(/elda_job_quarantine_rows\{job="reminders-deliver",kind="patient"\} [1-9]/);
    const rows = await db.jobQuarantine.findMany({ where: { rowId: { in: [pat.id, bob.id, sarah.id, stuck.alertId] } } });
    expect(rows).toHaveLength(6);
    expect(JSON.stringify(rows)).not.toMatch(/Pat|Sarah|Bob|Poisonproof|example\.test|Mars/);

    // left out until the retry time, then tried alone: still failing, so it waits longer
    await runJob(runner, "inactivity-sweep", "2026-02-24T19:02:00Z");
    expect(await quarantine("inactivity", pat.id)).toMatchObject({ attempts: 1 });
    await runJob(runner, "inactivity-sweep", "2026-02-24T19:05:00Z");
    expect(await quarantine("inactivity", pat.id)).toMatchObject({ attempts: 2, retryAfter: at("2026-02-24T19:15:00Z") });

    // repaired: the next retry goes through, the row is released and Pat is watched again
    await db.$executeRaw`UPDATE patients SET timezone = 'America/Chicago' WHERE id = ${pat.id}::uuid`;
    const retryAt = (await quarantine("inactivity", pat.id))!.retryAfter.toISOString();
    await runJob(runner, "inactivity-sweep", retryAt);
    expect(await quarantine("inactivity", pat.id)).toBeNull();
    expect(await inactivity(pat.id)).toMatchObject({ severity: "medium" });
    // and the dose that could not be pushed is dealt with: long past, it is missed and raises its alert
    await runJob(runner, "reminders-deliver", retryAt);
    expect(await quarantine("reminders-deliver", pat.id)).toBeNull();
    expect(await db.reminder.findFirst({ where: { patientId: pat.id, dueAt: at("2026-02-24T14:00:00Z") } })).toMatchObject({ status: "missed" });
    expect((await call(metricsRoute.GET, { path: "/api/metrics" })).body).toMatch(/elda_job_rows_released_total\{job="inactivity",kind="patient"\} [1-9]/);

    // the stuck alert stays set aside, retried on its own, until someone repairs it
    await db.$executeRaw`UPDATE alerts SET escalation_step = 0 WHERE id = ${stuck.alertId}::uuid`;
    await runJob(runner, "alerts-escalate", (await quarantine("alerts-escalate", stuck.alertId))!.retryAfter.toISOString());
    expect(await quarantine("alerts-escalate", stuck.alertId)).toBeNull();
    expect(await db.alert.findUniqueOrThrow({ where: { id: stuck.alertId } })).toMatchObject({ escalationState: "active", escalationStep: 1 });
    await db.$executeRaw`UPDATE caregivers SET timezone = 'America/Chicago' WHERE id = ${bob.id}::uuid`;
  });

  it("the in-process inactivity sweep too: a zone Node knows and PostgreSQL does not (US/Pacific-New) is set aside, the others are alerted", async () => {
    const owner = await makeCaregiver();
    const ann = await pairedPatient(owner, "Ann");
    const lee = await pairedPatient(owner, "Lee");
    await db.$executeRaw`UPDATE patients SET timezone = 'US/Pacific-New' WHERE id = ${lee.id}::uuid`;
    await db.patient.updateMany({ where: { id: { in: [ann.id, lee.id] } }, data: { lastActiveAt: at("2026-02-25T15:00:00Z") } });
    const r = await sweepInactivity(at("2026-02-25T19:00:00Z"));
    expect(r.quarantined).toBeGreaterThanOrEqual(1);
    expect(await inactivity(ann.id)).toMatchObject({ severity: "medium" });
    expect(await inactivity(lee.id)).toBeNull();
    expect(await quarantine("inactivity", lee.id)).toMatchObject({ errorClass: "pg 22023" });
    await db.$executeRaw`UPDATE patients SET timezone = 'America/Los_Angeles' WHERE id = ${lee.id}::uuid`;
    await sweepInactivity(at("2026-02-25T19:05:00Z"));
    expect(await quarantine("inactivity", lee.id)).toBeNull();
  });

  it("a quarantine row whose id is not one of ours (written by hand or another system) is ignored, never failing every patient's sweep", async () => {
    const owner = await makeCaregiver();
    const ann = await pairedPatient(owner, "Ann");
    const seen = at("2026-02-25T12:00:00Z");
    await db.jobQuarantine.create({
      data: {
        job: "inactivity",
        rowKind: "patient",
        rowId: "not-a-uuid",
        errorClass: "E",
        errorMessage: "m",
        firstSeenAt: seen,
        lastSeenAt: seen,
        retryAfter: seen,
      },
    });
    await db.patient.update({ where: { id: ann.id }, data: { lastActiveAt: at("2026-02-25T15:00:00Z") } });
    await sweepInactivity(at("2026-02-25T19:00:00Z"));
    expect(await inactivity(ann.id)).toMatchObject({ severity: "medium" });
    await db.jobQuarantine.deleteMany({ where: { rowId: "not-a-uuid" } });
  });

  it("a pending push with nothing usable stored fails alone, saying so: the rest of the claim is sent, nothing unsent is recorded as sent", async () => {
    const owner = await makeCaregiver();
    const good = await pairedPatient(owner, "Gus");
    const bad = await pairedPatient(owner, "Hal");
    // the message is rendered when the attempt is recorded (lib/notifications/push-to-patient.ts); Hal's was lost
    const pending = async (patientId: string, payload: Prisma.InputJsonValue) => {
      const r = await db.reminder.findFirstOrThrow({ where: { patientId }, orderBy: { dueAt: "asc" } });
      const token = await db.pushToken.findFirstOrThrow({ where: { device: { patientId } } });
      return db.notificationAttempt.create({
        data: {
          idempotencyKey: `reminder:${r.id}:push:1:test:${token.id}`,
          patientId,
          reminderId: r.id,
          channel: "push",
          purpose: "reminder",
          recipient: token.id,
          status: "pending",
          payload,
          createdAt: at("2026-02-26T14:00:00Z"),
        },
      });
    };
    const a = await pending(bad.id, { title: 42 });
    const b = await pending(good.id, { title: "Metformin", body: "Hi! It's time for your medication: Metformin.", data: { type: "reminder" } });
    await sendPendingPushes(at("2026-02-26T14:00:00Z"));
    expect(await db.notificationAttempt.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "simulated" });
    // not sent, and not left pending for a try that would find the same nothing
    expect(await db.notificationAttempt.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "failed",
      attemptCount: 1,
      sentAt: null,
      error: "Nothing to send.",
    });
  });
});
