import { afterEach, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { createSchedule } from "@/lib/schedules/schedules";
import { inngestFunctions } from "./inngest";

afterEach(() => clock.set(null));
const fn = (id: string) => inngestFunctions.find((f) => f.id() === id || f.id().endsWith(id))!;

describe("the same jobs as Inngest functions (@inngest/test)", () => {
  it("the delivery cron pushes Betty's 08:00 dose at 14:00 UTC in January", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago" });
    await pairDevice(patient.id);
    await createSchedule(owner.actor, patient.id, { type: "medication", title: "Metformin", times_of_day: ["08:00"], recurrence: "daily", start_date: "2026-01-21" }, new Date("2026-01-21T06:00:00Z"));
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
