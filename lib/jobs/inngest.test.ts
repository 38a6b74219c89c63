import { afterEach, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, pairDevice, patientWithMorningDose } from "@/lib/testing/factories";
import { randomUUID } from "node:crypto";
import { inngestFunctions, toInngestFunction } from "./inngest";
import { defineJob } from "./job";

afterEach(() => clock.set(null));
const fn = (id: string) => inngestFunctions.find((f) => f.id() === id || f.id().endsWith(id))!;
/** The event Inngest sends when a cron fires: its `ts` is when the schedule fired. */
const timer = (cron: string, at: string) => ({ name: "inngest/scheduled.timer", data: { cron }, ts: Date.parse(at) });
type SentEvent = { name: string; id: string; ts: number; data: { patient_id: string } };

describe("the same jobs as Inngest functions (@inngest/test)", () => {
  it("the delivery cron pushes Betty's 08:00 dose at 14:00 UTC in January", async () => {
    const { patient } = await patientWithMorningDose("2026-01-21");
    clock.set("2026-01-21T14:00:00Z");
    const t = new InngestTestEngine({ function: fn("reminders-deliver") });
    const { result } = await t.execute({ events: [timer("* * * * *", "2026-01-21T14:00:00Z")] });
    expect(result).toMatchObject({ pushed: expect.any(Number) });
    const r = await db.reminder.findFirstOrThrow({ where: { patientId: patient.id, dueAt: new Date("2026-01-21T14:00:00Z") } });
    expect(r.deliveryCount).toBe(1);
  });

  it("a cron run computes with the time its schedule fired: retried at 14:45, the 14:00 run still pushes the dose rather than miss it", async () => {
    const { patient } = await patientWithMorningDose("2026-01-24");
    // 45 minutes after 08:00 the dose would be missed; the run stands for 14:00
    clock.set("2026-01-24T14:45:00Z");
    await new InngestTestEngine({ function: fn("reminders-deliver") }).execute({ events: [timer("* * * * *", "2026-01-24T14:00:00Z")] });
    const r = await db.reminder.findFirstOrThrow({ where: { patientId: patient.id, dueAt: new Date("2026-01-24T14:00:00Z") } });
    expect(r).toMatchObject({ status: "pending", deliveryCount: 1, lastDeliveredAt: new Date("2026-01-24T14:00:00Z") });
  });

  it("the inactivity sweep fans out one event per silent patient, and the per-patient function raises the alert", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago" });
    await pairDevice(patient.id);
    await db.patient.update({ where: { id: patient.id }, data: { lastActiveAt: new Date("2026-01-22T15:00:00Z") } });
    clock.set("2026-01-22T19:00:00Z");
    const sweep = new InngestTestEngine({ function: fn("inactivity-sweep") });
    const { ctx } = await sweep.execute({ events: [timer("*/5 * * * *", "2026-01-22T19:00:00Z")] });
    const sent = (ctx.step.sendEvent as unknown as { mock: { calls: [string, SentEvent[]][] } }).mock.calls[0][1];
    const mine = sent.find((e) => e.data.patient_id === patient.id)!;
    expect(mine).toMatchObject({ name: "inactivity/patient.check", id: `inactivity-${patient.id}-2026-01-22T19:00`, ts: Date.parse("2026-01-22T19:00:00Z") });
    // Inngest delivers it later, and may replay it hours later: both compute at 19:00, when the patient had been silent 4 hours
    clock.set("2026-01-22T19:02:00Z");
    await new InngestTestEngine({ function: fn("inactivity-evaluate") }).execute({ events: [mine] });
    clock.set("2026-01-23T03:00:00Z");
    await new InngestTestEngine({ function: fn("inactivity-evaluate") }).execute({ events: [mine] });
    const alerts = await db.alert.findMany({ where: { patientId: patient.id, type: "inactivity" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: "medium", firstOccurredAt: new Date("2026-01-22T19:00:00Z") });
  });

  it("fails a malformed event at once, without retries, and records it without its values", async () => {
    clock.set("2026-01-25T10:00:00Z");
    const bad = { name: "inactivity/patient.check", id: "bad-check", ts: Date.parse("2026-01-25T10:00:00Z"), data: { patient_id: "Betty Johnson" } };
    const { error } = await new InngestTestEngine({ function: fn("inactivity-evaluate") }).execute({ events: [bad] });
    expect(error).toMatchObject({ name: "NonRetriableError" });
    const status = await db.jobStatus.findUniqueOrThrow({ where: { jobId: "inactivity-evaluate" } });
    expect(status.lastErrorClass).toBe("MalformedEvent");
    expect(status.lastErrorMessage).toBe(
      "Malformed event inactivity/patient.check bad-check: data.patient_id: invalid_format, data.organization_id: invalid_type.",
    );
  });
});

describe("job status from Inngest runs", () => {
  it("records each run's start and success, and a failure's class, in job_status with the engine", async () => {
    const id = `inngest-recorded-${randomUUID()}`;
    let fail = false;
    const job = defineJob({
      id,
      trigger: { cron: "* * * * *" },
      retries: 0,
      handler: async ({ step }) => {
        if (fail) throw new TypeError("cannot read the patient's phone number");
        return step.run("work", async () => ({ done: true }));
      },
    });
    clock.set("2026-01-23T09:00:00Z");
    const t = new InngestTestEngine({ function: toInngestFunction(job) });
    const { result } = await t.execute({ events: [timer("* * * * *", "2026-01-23T09:00:00Z")] });
    expect(result).toEqual({ done: true });
    expect(await db.jobStatus.findUniqueOrThrow({ where: { jobId: id } })).toMatchObject({
      engine: "inngest",
      lastStartedAt: new Date("2026-01-23T09:00:00Z"),
      lastSuccessAt: new Date("2026-01-23T09:00:00Z"),
      lastFailureAt: null,
      consecutiveFailures: 0,
    });

    // a failure of the function itself (Inngest's replay throws a step's error here too once its retries are spent)
    fail = true;
    clock.set("2026-01-23T09:01:00Z");
    const failed = await new InngestTestEngine({ function: toInngestFunction(job) }).execute({ events: [timer("* * * * *", "2026-01-23T09:01:00Z")] });
    expect(failed.error).toBeDefined();
    expect(await db.jobStatus.findUniqueOrThrow({ where: { jobId: id } })).toMatchObject({
      lastSuccessAt: new Date("2026-01-23T09:00:00Z"),
      lastFailureAt: new Date("2026-01-23T09:01:00Z"),
      lastErrorClass: "TypeError",
      lastErrorMessage: "Details are in the server log for this job and time.",
      consecutiveFailures: 1,
    });
  });
});
