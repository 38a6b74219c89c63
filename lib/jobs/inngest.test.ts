import { afterEach, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { createSchedule } from "@/lib/schedules/schedules";
import { randomUUID } from "node:crypto";
import { inngestFunctions, toInngestFunction } from "./inngest";
import { defineJob } from "./job";

afterEach(() => clock.set(null));
const fn = (id: string) => inngestFunctions.find((f) => f.id() === id || f.id().endsWith(id))!;

describe("the same jobs as Inngest functions (@inngest/test)", () => {
  it("the delivery cron pushes Betty's 08:00 dose at 14:00 UTC in January", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago" });
    await pairDevice(patient.id);
    await createSchedule(
      owner.actor,
      patient.id,
      { type: "medication", title: "Metformin", times_of_day: ["08:00"], recurrence: "daily", start_date: "2026-01-21" },
      new Date("2026-01-21T06:00:00Z"),
    );
    clock.set("2026-01-21T14:00:00Z");
    const t = new InngestTestEngine({ function: fn("reminders-deliver") });
    const { result } = await t.execute({ events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }] });
    expect(result).toMatchObject({ pushed: expect.any(Number) });
    const r = await db.reminder.findFirstOrThrow({ where: { patientId: patient.id, dueAt: new Date("2026-01-21T14:00:00Z") } });
    expect(r.deliveryCount).toBe(1);
  });

  it("the inactivity sweep fans out one event per silent patient, and the per-patient function raises the alert", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago" });
    await pairDevice(patient.id);
    await db.patient.update({ where: { id: patient.id }, data: { lastActiveAt: new Date("2026-01-22T15:00:00Z") } });
    clock.set("2026-01-22T19:00:00Z");
    const sweep = new InngestTestEngine({ function: fn("inactivity-sweep") });
    const { ctx } = await sweep.execute({ events: [{ name: "inngest/scheduled.timer", data: { cron: "*/5 * * * *" } }] });
    const sent = (ctx.step.sendEvent as unknown as { mock: { calls: [string, { name: string; data: { patient_id: string } }[]][] } }).mock.calls[0][1];
    const mine = sent.find((e) => e.data.patient_id === patient.id)!;
    expect(mine.name).toBe("inactivity/patient.check");
    const evaluate = new InngestTestEngine({ function: fn("inactivity-evaluate") });
    await evaluate.execute({ events: [{ name: mine.name, data: mine.data }] });
    expect(await db.alert.findFirst({ where: { patientId: patient.id, type: "inactivity" } })).toMatchObject({ severity: "medium" });
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
    const { result } = await t.execute({ events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }] });
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
    const failed = await new InngestTestEngine({ function: toInngestFunction(job) }).execute({ events: [{ name: "inngest/scheduled.timer", data: {} }] });
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
