import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { metrics } from "@/lib/observability/metrics";
import { describeFailure, isTransient } from "./describe-failure";
import { MAX_NEW_PER_RUN, runIsolated, TooManyFailingRows, type Scope } from "./isolate-failures";

const T0 = new Date("2026-04-01T10:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const jobs: string[] = [];
const newJob = () => {
  const job = `test-${randomUUID().slice(0, 8)}`;
  jobs.push(job);
  return job;
};
afterAll(async () => {
  await db.jobQuarantine.deleteMany({ where: { job: { in: jobs } } });
});

/** A fake set-based sweep over `rows`: a run fails as a whole when any row it covers is bad. */
function sweepOver(rows: string[], bad: Set<string>) {
  const runs: (string[] | null)[] = [];
  const done: string[] = [];
  const sweep = async (scope: Scope, isolation: Parameters<Parameters<typeof runIsolated>[3]>[1]) => {
    const inScope = rows.filter((r) => !scope.except.includes(r) && (!scope.only || scope.only.includes(r)));
    const parts = await isolation.batch(
      async (only) => {
        runs.push(only);
        const covered = only ?? inScope;
        const poisoned = covered.find((r) => bad.has(r));
        if (poisoned) throw new RangeError(`Invalid time zone specified: Mars/Olympus`);
        done.push(...covered);
        return covered.length;
      },
      async () => inScope,
    );
    return parts.reduce((a, n) => a + n, 0);
  };
  return { runs, done, sweep };
}

const quarantined = (job: string) => db.jobQuarantine.findMany({ where: { job }, orderBy: { rowId: "asc" } });
const counter = async (name: string, job: string) => {
  const m = (await metrics.registry.getSingleMetric(name)!.get()).values.find((v) => v.labels.job === job);
  return m?.value ?? 0;
};

describe("fault isolation in a sweep", () => {
  it("the common path is the one batch, unchanged", async () => {
    const job = newJob();
    const rows = Array.from({ length: 50 }, () => randomUUID());
    const s = sweepOver(rows, new Set());
    const r = await runIsolated(job, "patient", T0, s.sweep);
    expect(s.runs).toEqual([null]);
    expect(r).toMatchObject({ main: 50, retried: null, quarantined: [], released: [] });
  });

  it("splits a failing batch until the bad rows are found, quarantines only them, and the rest go out", async () => {
    const job = newJob();
    const rows = Array.from({ length: 64 }, () => randomUUID()).sort();
    const bad = new Set([rows[9], rows[40]]);
    const s = sweepOver(rows, bad);
    const r = await runIsolated(job, "patient", T0, s.sweep);
    expect(r.main).toBe(62);
    expect(new Set(s.done)).toEqual(new Set(rows.filter((x) => !bad.has(x))));
    expect(r.quarantined.sort()).toEqual([...bad].sort());
    // halving: about 2 x log2(64) runs per bad row, not one run per row
    expect(s.runs.length).toBeLessThanOrEqual(1 + 2 * 2 * 6);
    const q = await quarantined(job);
    expect(q.map((x) => x.rowId)).toEqual([...bad].sort());
    expect(q[0]).toMatchObject({ rowKind: "patient", errorClass: "RangeError", attempts: 1, retryAfter: later(5), firstSeenAt: T0 });
    expect(await counter("elda_job_rows_quarantined_total", job)).toBe(2);
    expect(await counter("elda_job_batches_split_total", job)).toBe(1);
    expect((await metrics.registry.getSingleMetric("elda_job_quarantine_rows")!.get()).values.find((v) => v.labels.job === job)?.value).toBe(2);
  });

  it("leaves a quarantined row out until its retry time, retries it alone with a growing wait, and releases it once it goes through", async () => {
    const job = newJob();
    const rows = Array.from({ length: 10 }, () => randomUUID()).sort();
    const bad = new Set([rows[3], rows[7]]);
    await runIsolated(job, "patient", T0, sweepOver(rows, bad).sweep);

    // before the retry time: left out, the others run in one batch
    const early = sweepOver(rows, bad);
    const r1 = await runIsolated(job, "patient", later(2), early.sweep);
    expect(early.runs).toEqual([null]);
    expect(r1).toMatchObject({ main: 8, retried: null });

    // at the retry time: tried on their own, still failing: the wait doubles
    const retry = sweepOver(rows, bad);
    const r2 = await runIsolated(job, "patient", later(5), retry.sweep);
    expect(r2).toMatchObject({ main: 8, retried: 0, released: [] });
    expect((await quarantined(job)).map((q) => [q.attempts, q.retryAfter.toISOString()])).toEqual([
      [2, later(15).toISOString()],
      [2, later(15).toISOString()],
    ]);

    // one is repaired: released at its next retry, the other keeps backing off
    bad.delete(rows[3]);
    const r3 = await runIsolated(job, "patient", later(15), sweepOver(rows, bad).sweep);
    expect(r3).toMatchObject({ retried: 1, released: [rows[3]] });
    expect((await quarantined(job)).map((q) => [q.rowId, q.attempts, q.retryAfter.toISOString()])).toEqual([[rows[7], 3, later(35).toISOString()]]);
    expect(await counter("elda_job_rows_released_total", job)).toBe(1);
    // the wait stops growing at an hour
    for (const m of [35, 75, 135, 195]) await runIsolated(job, "patient", later(m), sweepOver(rows, bad).sweep);
    expect((await quarantined(job))[0]).toMatchObject({ attempts: 7, retryAfter: later(255) });
  });

  it("a failure of the database's state (lost connection, deadlock) is rethrown for the job to retry, and quarantines nothing", async () => {
    const job = newJob();
    const lost = Object.assign(new Error("Connection terminated unexpectedly"), {});
    const deadlock = Object.assign(new Error("deadlock detected"), { code: "40P01" });
    for (const err of [lost, deadlock]) {
      await expect(
        runIsolated(job, "patient", T0, async (_scope, isolation) =>
          isolation.batch(
            async () => Promise.reject(err),
            async () => ["a", "b", "c"],
          ),
        ),
      ).rejects.toBe(err);
    }
    expect(await quarantined(job)).toEqual([]);
  });

  it(`more than ${MAX_NEW_PER_RUN} failing rows is a fault of the job, not of its rows: rethrown, nothing quarantined`, async () => {
    const job = newJob();
    const rows = Array.from({ length: 30 }, () => randomUUID());
    const s = sweepOver(rows, new Set(rows));
    await expect(runIsolated(job, "patient", T0, s.sweep)).rejects.toBeInstanceOf(TooManyFailingRows);
    expect(await quarantined(job)).toEqual([]);
  });

  it("row-by-row work sets a failing row aside and goes on with the next", async () => {
    const job = newJob();
    const seen: string[] = [];
    const r = await runIsolated(job, "alert", T0, (_scope, isolation) =>
      isolation.each(
        ["a1", "a2", "a3"],
        (x) => x,
        async (x) => {
          if (x === "a1") throw new TypeError("Cannot read properties of undefined (reading 'filter')");
          seen.push(x);
          return x;
        },
      ),
    );
    expect(r.main).toEqual(["a2", "a3"]);
    expect(seen).toEqual(["a2", "a3"]);
    expect((await quarantined(job)).map((q) => [q.rowKind, q.rowId, q.errorClass])).toEqual([["alert", "a1", "TypeError"]]);
  });
});

describe("what a failure is recorded as", () => {
  it("a database error by its SQLSTATE, with the values it quotes taken out", async () => {
    const err = await db.$queryRaw`SELECT now() AT TIME ZONE ${"Betty's/Zone"}`.catch((e: unknown) => e);
    expect(describeFailure(err)).toEqual({ errorClass: "pg 22023", message: 'time zone "…" not recognized' });
    expect(isTransient(err)).toBe(false);
  });

  it("never carries names, addresses or numbers a message quoted", () => {
    const d = describeFailure(new Error(`duplicate key for 'Betty Johnson' <betty@example.com> +1 555 123 4567`));
    expect(d.message).not.toMatch(/Betty|example\.com|555/);
    expect(describeFailure("plain string").errorClass).toBe("string");
  });
});
