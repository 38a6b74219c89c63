import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { NotFound } from "@/lib/api/errors";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, pairDevice, patientWithMorningDose } from "@/lib/testing/factories";
import { EmbeddedRunner } from "./embedded-runner";
import { engineMode, engineProblem } from "./engine";
import { MalformedEvent, type DomainEvent } from "./events";
import { defineJob } from "./job";
import { jobs } from "./jobs";

afterEach(() => clock.set(null));

const T = Date.parse("2026-02-01T09:00:00Z");
const acknowledged = (alertId: string, id = `ack-${alertId}`) => ({ name: "alert/acknowledged" as const, id, ts: T, data: { alert_id: alertId } });

describe("the embedded runner", () => {
  it("delivers an event once per id to the jobs it triggers, retrying with backoff until it works", async () => {
    const seen: string[] = [];
    let failures = 2;
    const alertId = randomUUID();
    const runner = new EmbeddedRunner(
      [
        defineJob({
          id: "flaky",
          trigger: { event: "alert/acknowledged" },
          retries: 3,
          handler: async ({ event }) => {
            if (failures-- > 0) throw new Error("not yet");
            seen.push(event.data.alert_id);
          },
        }),
      ],
      { retryBaseMs: 5 },
    );
    runner.enqueue([
      acknowledged(alertId, "a"),
      acknowledged(alertId, "a"),
      { name: "summaries/caregiver.due", id: "b", ts: T, data: { caregiver_id: randomUUID() } },
    ]);
    await runner.drain();
    expect(seen).toEqual([alertId]);
  });

  it("gives up after the job's retries (the next sweep heals it), and fans out through sendEvent", async () => {
    const got: string[] = [];
    const org = randomUUID();
    const patients = [randomUUID(), randomUUID(), randomUUID()];
    const runner = new EmbeddedRunner(
      [
        defineJob({ id: "broken", trigger: { event: "alert/acknowledged" }, retries: 1, handler: async () => Promise.reject(new Error("down")) }),
        defineJob({
          id: "sweep",
          trigger: { cron: "0 0 1 1 *" },
          retries: 0,
          handler: ({ now, step }) =>
            step.sendEvent(
              "fan-out",
              patients.map((p) => ({ name: "insights/patient.weekly", id: `item-${p}`, ts: now.getTime(), data: { patient_id: p, organization_id: org } })),
            ),
        }),
        defineJob({
          id: "item",
          trigger: { event: "insights/patient.weekly" },
          concurrency: { key: "organization_id", limit: 1 },
          retries: 0,
          handler: async ({ event }) => void got.push(event.data.patient_id),
        }),
      ],
      { retryBaseMs: 1 },
    );
    await expect(runner.trigger("broken", acknowledged(randomUUID()))).rejects.toThrow("down");
    await runner.trigger("sweep");
    await runner.drain();
    expect(got.sort()).toEqual([...patients].sort());
    await expect(runner.trigger("nope")).rejects.toThrow(/unknown job/);
  });

  it("drops a malformed event without retrying it, and records why (fields, never values)", async () => {
    const id = `malformed-${randomUUID()}`;
    let runs = 0;
    const runner = new EmbeddedRunner([defineJob({ id, trigger: { event: "alert/acknowledged" }, retries: 5, handler: async () => void runs++ })], {
      retryBaseMs: 1,
    });
    clock.set("2026-02-03T07:00:00Z");
    const bad = { name: "alert/acknowledged", id: "bad-1", ts: T, data: { alert_id: "Betty Johnson" } };
    await expect(runner.trigger(id, bad)).rejects.toBeInstanceOf(MalformedEvent);
    // one that reaches the queue (a cast, a payload from elsewhere) goes the same way
    runner.enqueue([{ ...bad, id: "bad-2" } as unknown as DomainEvent]);
    await runner.drain();
    expect(runs).toBe(0);
    const status = await db.jobStatus.findUniqueOrThrow({ where: { jobId: id } });
    // one attempt each, no retries
    expect(status).toMatchObject({ lastErrorClass: "MalformedEvent", consecutiveFailures: 2 });
    expect(status.lastErrorMessage).toBe("Malformed event alert/acknowledged bad-2: data.alert_id: invalid_format.");
  });

  it("runs an event with the event's own time, however late it is delivered, and a cron run's retries with the time it fired", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago" });
    await pairDevice(patient.id);
    await db.patient.update({ where: { id: patient.id }, data: { lastActiveAt: new Date("2026-02-04T15:00:00Z") } });
    const runner = new EmbeddedRunner(jobs, { retryBaseMs: 1 });
    // silent for four hours at 19:00 (medium); the same event replayed at 23:00, eight hours on, is still 19:00's
    clock.set("2026-02-04T23:00:00Z");
    const check = {
      name: "inactivity/patient.check",
      id: `inactivity-${patient.id}-2026-02-04T19:00`,
      ts: Date.parse("2026-02-04T19:00:00Z"),
      data: { patient_id: patient.id, organization_id: owner.organizationId },
    };
    await runner.trigger("inactivity-evaluate", check);
    const alert = await db.alert.findFirstOrThrow({ where: { patientId: patient.id, type: "inactivity" } });
    expect(alert).toMatchObject({ severity: "medium", firstOccurredAt: new Date("2026-02-04T19:00:00Z") });

    const seen: string[] = [];
    const flaky = defineJob({
      id: `fired-${randomUUID()}`,
      trigger: { cron: "* * * * *" },
      retries: 2,
      handler: async ({ now }) => {
        seen.push(now.toISOString());
        if (seen.length === 1) {
          clock.advance(5 * 60_000); // the retry comes later
          throw new Error("once");
        }
      },
    });
    clock.set("2026-02-04T08:00:00Z");
    await new EmbeddedRunner([flaky], { retryBaseMs: 1 }).trigger(flaky.id);
    expect(seen).toEqual(["2026-02-04T08:00:00.000Z", "2026-02-04T08:00:00.000Z"]);
  });

  it("fires cron jobs on their schedule until stopped", async () => {
    let runs = 0;
    const runner = new EmbeddedRunner([defineJob({ id: "tick", trigger: { cron: "* * * * * *" }, retries: 0, handler: async () => void runs++ })]);
    runner.start();
    await new Promise((r) => setTimeout(r, 2_100));
    await runner.stop();
    await runner.drain();
    const after = runs;
    expect(after).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(runs).toBe(after);
  });

  it("runs Elda's jobs on a set clock: the 14:00 push, then the inactivity fan-out", async () => {
    const runner = new EmbeddedRunner(jobs, { retryBaseMs: 1 });
    const { patient } = await patientWithMorningDose("2026-02-02");
    clock.set("2026-02-02T14:00:00Z");
    await runner.trigger("reminders-deliver");
    const r = await db.reminder.findFirstOrThrow({ where: { patientId: patient.id }, orderBy: { dueAt: "asc" } });
    expect(r.deliveryCount).toBe(1);
    await db.patient.update({ where: { id: patient.id }, data: { lastActiveAt: new Date("2026-02-02T15:00:00Z") } });
    clock.set("2026-02-02T19:00:00Z");
    await runner.trigger("inactivity-sweep");
    await runner.drain();
    expect(await db.alert.findFirst({ where: { patientId: patient.id, type: "inactivity" } })).toMatchObject({ severity: "medium", status: "open" });
  });
});

describe("job status from embedded runs", () => {
  it("records every attempt: failures with their class and a count, then the success that resets it", async () => {
    const id = `embedded-recorded-${randomUUID()}`;
    let failures = 2;
    const runner = new EmbeddedRunner(
      [
        defineJob({
          id,
          trigger: { event: "alert/acknowledged" },
          retries: 3,
          handler: async () => {
            if (failures-- > 0) throw new NotFound("Patient");
          },
        }),
      ],
      { retryBaseMs: 1 },
    );
    clock.set("2026-02-03T08:00:00Z");
    await runner.trigger(id, acknowledged(randomUUID(), "r1"));
    expect(await db.jobStatus.findUniqueOrThrow({ where: { jobId: id } })).toMatchObject({
      engine: "embedded",
      lastSuccessAt: new Date("2026-02-03T08:00:00Z"),
      lastFailureAt: new Date("2026-02-03T08:00:00Z"),
      lastErrorClass: "NotFound",
      lastErrorMessage: "Patient not found.",
      consecutiveFailures: 0,
    });
    failures = 5;
    clock.set("2026-02-03T08:01:00Z");
    await expect(runner.trigger(id, acknowledged(randomUUID(), "r2"))).rejects.toThrow("Patient not found.");
    expect(await db.jobStatus.findUniqueOrThrow({ where: { jobId: id } })).toMatchObject({
      lastSuccessAt: new Date("2026-02-03T08:00:00Z"),
      consecutiveFailures: 4,
    });
  });
});

describe("engine choice", () => {
  it("uses Inngest when configured, nothing on Vercel or when switched off, the embedded runner otherwise", () => {
    expect(engineMode({ INNGEST_EVENT_KEY: "k" })).toBe("inngest");
    expect(engineMode({ INNGEST_DEV: "1", VERCEL: "1" })).toBe("inngest");
    expect(engineMode({ VERCEL: "1" })).toBe("off");
    expect(engineMode({ ELDA_EMBEDDED_JOBS: "0" })).toBe("off");
    expect(engineMode({})).toBe("embedded");
  });

  it("calls a deployment without a working engine a problem, and a local process without one not", () => {
    expect(engineProblem("off", { VERCEL: "1" }, true)).toMatch(/^The job engine is off/);
    expect(engineProblem("inngest", { INNGEST_EVENT_KEY: "k" }, true)).toMatch(/^INNGEST_SIGNING_KEY is not set/);
    expect(engineProblem("inngest", { INNGEST_EVENT_KEY: "k", INNGEST_SIGNING_KEY: "s" }, true)).toBeNull();
    expect(engineProblem("embedded", {}, true)).toBeNull();
    expect(engineProblem("off", { ELDA_EMBEDDED_JOBS: "0" }, false)).toBeNull();
  });
});
