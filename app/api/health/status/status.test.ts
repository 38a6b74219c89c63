import { afterEach, describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { reloadConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { EmbeddedRunner } from "@/lib/jobs/embedded-runner";
import { currentBootId } from "@/lib/jobs/engine-boot";
import { defineJob } from "@/lib/jobs/job";
import { jobs } from "@/lib/jobs/jobs";
import { jobsFailing } from "@/components/layout/jobs-banner";
import * as status from "./route";

/**
 * GET /api/health/status and the dashboard's banner, on a set clock. `job_status` is one table for the whole
 * test run, so these tests live in a year no other test uses (times there only move forward), and the jobs
 * they run are Elda's own (same ids, same schedules, recorded by the same wrapper) with their work left out:
 * the real work would sweep other tests' patients in 2031.
 */
const T0 = new Date("2031-03-03T10:00:00Z");
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);
const cronJobs = jobs.flatMap((j) => ("cron" in j.trigger ? [{ ...j, trigger: j.trigger }] : []));
const idle = new EmbeddedRunner(
  cronJobs.map((j) => defineJob({ id: j.id, trigger: j.trigger, retries: j.retries, handler: async () => undefined })),
  { retryBaseMs: 1 },
);

async function bootedAt(t: Date) {
  const bootId = currentBootId();
  await db.jobEngineBoot.upsert({ where: { bootId }, create: { bootId, engine: "embedded", startedAt: t }, update: { startedAt: t } });
}
async function runAllAt(t: Date) {
  clock.set(t);
  for (const { id } of cronJobs) await idle.trigger(id);
}
async function statusAt(t: Date, headers: Record<string, string> = {}) {
  clock.set(t);
  return call(status.GET, { path: "/api/health/status", headers });
}
const item = (body: { jobs: { items: { id: string }[] } }, id: string) => body.jobs.items.find((i) => i.id === id) as Record<string, unknown>;
// whether every dashboard page shows the banner (its words, in the caregiver's language, are checked in the browser: e2e/jobs-status.spec.ts)
const banner = jobsFailing;

const saved = { ...process.env };
afterEach(() => {
  clock.set(null);
  for (const k of ["VERCEL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "METRICS_TOKEN"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  reloadConfig();
});

describe("GET /api/health/status", () => {
  it("gives the jobs 5 minutes after a start, then answers 503 once a minute job has not succeeded for 5 minutes", async () => {
    await bootedAt(T0);
    const early = await statusAt(at(1));
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({
      status: "ok",
      problems: [],
      database: "ok",
      jobs: { engine: "embedded", deployment: false, booted_at: T0.toISOString(), grace_until: at(5).toISOString() },
    });
    expect(early.body.jobs.items.map((i: { id: string }) => i.id)).toEqual(jobs.map((j) => j.id));

    // out of the grace period, nothing has run since the start
    const stalled = await statusAt(at(6));
    expect(stalled.status).toBe(503);
    expect(stalled.body.status).toBe("failing");
    expect(item(stalled.body, "reminders-deliver")).toMatchObject({ late: true, late_after_seconds: 300 });

    await runAllAt(at(6));
    const fine = await statusAt(at(11));
    expect(fine.status).toBe(200);
    expect(item(fine.body, "reminders-deliver")).toMatchObject({
      late: false,
      last_success_at: at(6).toISOString(),
      last_engine: "embedded",
      consecutive_failures: 0,
    });
    expect(item(fine.body, "inactivity-sweep")).toMatchObject({ late: false, late_after_seconds: 13 * 60 });
    expect(item(fine.body, "weekly-insights")).toMatchObject({ late_after_seconds: (2 * 7 * 24 * 60 + 3) * 60 });
    expect(item(fine.body, "inactivity-evaluate")).toMatchObject({ cron: null, event: "inactivity/patient.check", late_after_seconds: null, late: false });

    const late = await statusAt(at(11, 1));
    expect(late.status).toBe(503);
    expect(late.body.problems).toContain("Job reminders-deliver has not succeeded for 5 minutes (late after 5 minutes).");
    expect(item(late.body, "reminders-deliver")).toMatchObject({ late: true });
    expect(item(late.body, "inactivity-sweep")).toMatchObject({ late: false });
  });

  it("shows the last failure without PHI and counts failures until the next success", async () => {
    await bootedAt(T0);
    await runAllAt(at(20));
    const failing = new EmbeddedRunner(
      [
        defineJob({
          id: "reminders-deliver",
          trigger: { cron: "* * * * *" },
          retries: 1,
          handler: async () => Promise.reject(new Error("Twilio refused +1 217 555 0100 for Betty Johnson")),
        }),
      ],
      { retryBaseMs: 1 },
    );
    clock.set(at(21));
    await expect(failing.trigger("reminders-deliver")).rejects.toThrow();
    const r = await statusAt(at(25, 30));
    expect(r.status).toBe(503);
    const deliver = item(r.body, "reminders-deliver");
    expect(deliver).toMatchObject({
      late: true,
      last_success_at: at(20).toISOString(),
      last_failure_at: at(21).toISOString(),
      consecutive_failures: 2,
      last_error: { class: "Error", message: "Details are in the server log for this job and time." },
    });
    expect(JSON.stringify(r.body)).not.toMatch(/Betty|555/);

    await runAllAt(at(26));
    const healed = await statusAt(at(26));
    expect(healed.status).toBe(200);
    expect(item(healed.body, "reminders-deliver")).toMatchObject({ late: false, consecutive_failures: 0, last_failure_at: at(21).toISOString() });
  });

  it("answers 503 at once when jobs cannot run in a deployment: no Inngest on Vercel, or Inngest without its signing key", async () => {
    await bootedAt(T0);
    await runAllAt(at(30));
    expect((await statusAt(at(30))).status).toBe(200);

    process.env.VERCEL = "1";
    const off = await statusAt(at(30));
    expect(off.status).toBe(503);
    expect(off.body.jobs).toMatchObject({ engine: "off", deployment: true });
    expect(off.body.problems).toEqual([
      "The job engine is off: Inngest is not connected (INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY) and a deployment does not run jobs in its own process.",
    ]);

    process.env.INNGEST_EVENT_KEY = "event-key";
    const unsigned = await statusAt(at(30));
    expect(unsigned.status).toBe(503);
    expect(unsigned.body.problems).toEqual(["INNGEST_SIGNING_KEY is not set: Inngest cannot call /api/inngest to run the jobs."]);

    process.env.INNGEST_SIGNING_KEY = "signkey-prod-0123";
    const connected = await statusAt(at(30));
    expect(connected.status).toBe(200);
    expect(connected.body.jobs).toMatchObject({ engine: "inngest", deployment: true });
  });

  it("with METRICS_TOKEN set, tells anyone the verdict and only token holders the details", async () => {
    await bootedAt(T0);
    await runAllAt(at(40));
    process.env.METRICS_TOKEN = "status-token-0123456789";
    reloadConfig();
    const anyone = await statusAt(at(40));
    expect(anyone).toMatchObject({ status: 200, body: { status: "ok", checked_at: at(40).toISOString() } });
    expect(Object.keys(anyone.body)).toEqual(["status", "checked_at"]);
    expect((await statusAt(at(46))).status).toBe(503);
    expect((await statusAt(at(40), { "x-metrics-token": "wrong-token-0123456789" })).status).toBe(401);
    const holder = await statusAt(at(40), { "x-metrics-token": "status-token-0123456789" });
    expect(holder.status).toBe(200);
    expect(holder.body.jobs.items).toHaveLength(jobs.length);
  });
});

describe("the dashboard's banner", () => {
  it("shows while a job is late or jobs cannot run, and not otherwise", async () => {
    await bootedAt(T0);
    await runAllAt(at(50));
    clock.set(at(51));
    expect(await banner()).toBe(false);

    clock.set(at(56));
    expect(await banner()).toBe(true);

    await runAllAt(at(56));
    expect(await banner()).toBe(false);
    process.env.VERCEL = "1";
    expect(await banner()).toBe(true);
  });
});
