import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { NotFound } from "@/lib/api/errors";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { createSchedule } from "@/lib/schedules/schedules";
import { EmbeddedRunner } from "./embedded-runner";
import { engineMode, engineProblem } from "./engine";
import { defineJob } from "./job";
import { jobs } from "./jobs";

afterEach(() => clock.set(null));

describe("the embedded runner", () => {
  it("delivers an event once per id to the jobs it triggers, retrying with backoff until it works", async () => {
    const seen: unknown[] = [];
    let failures = 2;
    const runner = new EmbeddedRunner(
      [
        defineJob({
          id: "flaky",
          trigger: { event: "test/ping" },
          retries: 3,
          handler: async ({ event }) => {
            if (failures-- > 0) throw new Error("not yet");
            seen.push(event?.data.n);
          },
        }),
      ],
      { retryBaseMs: 5 },
    );
    runner.enqueue([
      { name: "test/ping", id: "a", data: { n: 1 } },
      { name: "test/ping", id: "a", data: { n: 1 } },
      { name: "test/other", id: "b", data: {} },
    ]);
    await runner.drain();
    expect(seen).toEqual([1]);
  });

  it("gives up after the job's retries (the next sweep heals it), and fans out through sendEvent", async () => {
    const got: string[] = [];
    const runner = new EmbeddedRunner(
      [
        defineJob({ id: "broken", trigger: { event: "test/broken" }, retries: 1, handler: async () => Promise.reject(new Error("down")) }),
        defineJob({
          id: "sweep",
          trigger: { cron: "0 0 1 1 *" },
          retries: 0,
          handler: ({ step }) =>
            step.sendEvent(
              "fan-out",
              [1, 2, 3].map((n) => ({ name: "test/item", id: `item-${n}`, data: { org: "o1", n } })),
            ),
        }),
        defineJob({
          id: "item",
          trigger: { event: "test/item" },
          concurrency: { key: "org", limit: 1 },
          retries: 0,
          handler: async ({ event }) => void got.push(String(event?.data.n)),
        }),
      ],
      { retryBaseMs: 1 },
    );
    await expect(runner.trigger("broken", { name: "test/broken", id: "x", data: {} })).rejects.toThrow("down");
    await runner.trigger("sweep");
    await runner.drain();
    expect(got.sort()).toEqual(["1", "2", "3"]);
    await expect(runner.trigger("nope")).rejects.toThrow(/unknown job/);
  });

  it("fires cron jobs on their schedule until stopped", async () => {
    let runs = 0;
    const runner = new EmbeddedRunner([defineJob({ id: "tick", trigger: { cron: "* * * * * *" }, retries: 0, handler: async () => void runs++ })]);
    runner.start();
    await new Promise((r) => setTimeout(r, 2_100));
    runner.stop();
    await runner.drain();
    const after = runs;
    expect(after).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(runs).toBe(after);
  });

  it("runs Elda's jobs on a set clock: the 14:00 push, then the inactivity fan-out", async () => {
    const runner = new EmbeddedRunner(jobs, { retryBaseMs: 1 });
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago" });
    await pairDevice(patient.id);
    await createSchedule(
      owner.actor,
      patient.id,
      { type: "medication", title: "Metformin", times_of_day: ["08:00"], recurrence: "daily", start_date: "2026-02-02" },
      new Date("2026-02-02T06:00:00Z"),
    );
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
          trigger: { event: "test/recorded" },
          retries: 3,
          handler: async () => {
            if (failures-- > 0) throw new NotFound("Patient");
          },
        }),
      ],
      { retryBaseMs: 1 },
    );
    clock.set("2026-02-03T08:00:00Z");
    await runner.trigger(id, { name: "test/recorded", id: "r1", data: {} });
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
    await expect(runner.trigger(id, { name: "test/recorded", id: "r2", data: {} })).rejects.toThrow("Patient not found.");
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
