import "server-only";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { describeFailure, isTransient } from "./describe-failure";

/**
 * Fault isolation for the sweeps (SPEC §5, docs/decisions/015-time-zones-both-sides-accept.md). A sweep stays
 * set-based: one statement over many rows. When a batch fails, it is split in halves until the failing rows
 * are found; those are quarantined (a job_quarantine row, a log line with ids only, a metric) and everything
 * else goes out. A quarantined row is left out of the job's runs until its retry time, then tried on its own
 * (backing off 5, 10, 20... minutes, at most an hour); once it goes through it is released.
 *
 * The common path costs one small read of this job's quarantine per sweep, and nothing else: the batch runs
 * exactly as before. A failure that is the database's state (connection lost, deadlock) is rethrown for the
 * job to retry, and more than MAX_NEW_PER_RUN failing rows in one run is taken for a fault of the job itself
 * (a bad deploy), not of its rows: it is rethrown and nothing is quarantined.
 */
export type RowKind = "patient" | "caregiver" | "alert";

/** The rows a pass covers: `only` these (the retry of quarantined rows), or every row but `except` (those held). */
export interface Scope {
  only: string[] | null;
  except: string[];
}

export const MAX_NEW_PER_RUN = 20;
const FIRST_RETRY_MS = 5 * 60_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/** How long a row stays out after its n-th failure. */
export const retryDelayMs = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);

export class TooManyFailingRows extends Error {
  constructor(
    readonly job: string,
    readonly failing: number,
    readonly firstError: unknown,
  ) {
    super(`${job}: more than ${MAX_NEW_PER_RUN} rows failed in one run; taken for a fault of the job, nothing quarantined`);
    this.name = "TooManyFailingRows";
  }
}

/** One pass of a sweep: runs its batches, splits the ones that fail, remembers the failing rows. */
export class Isolation {
  readonly failed = new Map<string, unknown>();

  constructor(
    readonly job: string,
    readonly kind: RowKind,
    readonly scope: Scope,
    private readonly limit: number,
  ) {}

  /**
   * Set-based work over a batch. `run(null)` is the whole batch (the common path, unchanged); `run(ids)` the
   * same work over those rows only. `keys` names the batch's rows (read only when the batch failed). Returns
   * the results of the runs that went through.
   */
  async batch<R>(run: (only: string[] | null) => Promise<R>, keys: string[] | (() => Promise<string[]>)): Promise<R[]> {
    let first: unknown;
    try {
      return [await run(null)];
    } catch (err) {
      if (isTransient(err)) throw err;
      first = err;
    }
    // the retry pass covers exactly the rows whose retry time has come
    const named = typeof keys === "function" ? (this.scope.only ?? (await keys())) : keys;
    const all = named.filter((k) => !this.scope.except.includes(k));
    if (all.length === 0) throw first;
    metrics.batchesSplit.inc({ job: this.job });
    logger.warn({ job: this.job, kind: this.kind, rows: all.length, ...describeFailure(first) }, "job batch failed; splitting it to find the failing rows");
    const results: R[] = [];
    const failedBefore = this.failed.size;
    if (all.length === 1) await this.runAlone(all[0], run, results);
    else await this.split(all, run, results);
    // the whole failed but every part went through: not a row's fault (and the work is done)
    if (this.failed.size === failedBefore) logger.warn({ job: this.job }, "job batch failed as a whole but went through in parts");
    return results;
  }

  /** Row-by-row work (one small transaction each): a failing row is set aside and the others go on. */
  async each<T, R>(items: T[], keyOf: (item: T) => string, fn: (item: T) => Promise<R>): Promise<R[]> {
    const out: R[] = [];
    for (const item of items) {
      try {
        out.push(await fn(item));
      } catch (err) {
        if (isTransient(err)) throw err;
        this.fail(keyOf(item), err);
      }
    }
    return out;
  }

  /** A row known to fail (work done in memory, or a part that failed on its own). */
  fail(key: string, err: unknown) {
    if (!this.failed.has(key)) this.failed.set(key, err);
    if (this.failed.size > this.limit) throw new TooManyFailingRows(this.job, this.failed.size, err);
  }

  private async runAlone<R>(key: string, run: (only: string[] | null) => Promise<R>, results: R[]) {
    try {
      results.push(await run([key]));
    } catch (err) {
      if (isTransient(err)) throw err;
      this.fail(key, err);
    }
  }

  private async split<R>(keys: string[], run: (only: string[] | null) => Promise<R>, results: R[]) {
    const mid = Math.ceil(keys.length / 2);
    for (const half of [keys.slice(0, mid), keys.slice(mid)]) {
      if (half.length === 0) continue;
      try {
        results.push(await run(half));
      } catch (err) {
        if (isTransient(err)) throw err;
        if (half.length === 1) this.fail(half[0], err);
        else await this.split(half, run, results);
      }
    }
  }
}

export interface IsolatedSweep<R> {
  /** the pass over every row not in quarantine */
  main: R;
  /** the pass over the quarantined rows whose retry time has come (null when there were none) */
  retried: R | null;
  quarantined: string[];
  released: string[];
}

/**
 * Run a sweep with fault isolation: `sweep(scope, isolation)` is called once for every row not held in this
 * job's quarantine, and once more for the held rows whose retry time has come. Rows that failed are
 * quarantined (or kept there, backing off); retried rows that went through are released.
 */
export async function runIsolated<R>(
  job: string,
  kind: RowKind,
  now: Date,
  sweep: (scope: Scope, isolation: Isolation) => Promise<R>,
): Promise<IsolatedSweep<R>> {
  // every kind of row is keyed by a UUID, and the sweeps pass these ids as uuid[]: a quarantine row with
  // any other id (written by hand, by another system) is not one of ours and must not fail every run
  const held = await db.$queryRaw<{ row_id: string; retry_after: Date }[]>`
    SELECT row_id, retry_after FROM job_quarantine
    WHERE job = ${job} AND row_kind = ${kind} AND row_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;
  const except = held.map((h) => h.row_id);
  const due = held.filter((h) => h.retry_after <= now).map((h) => h.row_id);

  const main = new Isolation(job, kind, { only: null, except }, MAX_NEW_PER_RUN);
  let mainResult: R;
  try {
    mainResult = await sweep(main.scope, main);
  } catch (err) {
    if (err instanceof TooManyFailingRows)
      logger.error({ job, kind, failing: err.failing, ...describeFailure(err.firstError) }, "job failed for many rows at once; nothing quarantined");
    throw err;
  } finally {
    // what was found before a transient failure stays found
    if (main.failed.size && main.failed.size <= MAX_NEW_PER_RUN) await quarantine(job, kind, main.failed, now);
  }

  let retried: R | null = null;
  let released: string[] = [];
  if (due.length) {
    // already quarantined: no cap, they only stay where they are
    const retry = new Isolation(job, kind, { only: due, except: [] }, Number.POSITIVE_INFINITY);
    try {
      retried = await sweep(retry.scope, retry);
    } finally {
      if (retry.failed.size) await quarantine(job, kind, retry.failed, now);
    }
    released = due.filter((id) => !retry.failed.has(id));
    if (released.length) await release(job, kind, released);
  }
  return { main: mainResult, retried, quarantined: [...main.failed.keys()], released };
}

/** Record failing rows (one statement): a new row, or one more attempt with a longer wait. */
async function quarantine(job: string, kind: RowKind, failed: Map<string, unknown>, now: Date) {
  const ids = [...failed.keys()];
  const described = ids.map((id) => describeFailure(failed.get(id)));
  const rows = await db.$queryRaw<{ row_id: string; attempts: number; retry_after: Date }[]>`
    INSERT INTO job_quarantine (job, row_kind, row_id, error_class, error_message, attempts, first_seen_at, last_seen_at, retry_after)
    SELECT ${job}, ${kind}, v.row_id, v.error_class, v.error_message, 1, ${now}, ${now}, ${new Date(now.getTime() + retryDelayMs(1))}
    FROM unnest(${ids}::text[], ${described.map((d) => d.errorClass)}::text[], ${described.map((d) => d.message)}::text[]) AS v(row_id, error_class, error_message)
    ON CONFLICT (job, row_kind, row_id) DO UPDATE SET
      attempts = job_quarantine.attempts + 1,
      error_class = EXCLUDED.error_class,
      error_message = EXCLUDED.error_message,
      last_seen_at = EXCLUDED.last_seen_at,
      retry_after = EXCLUDED.last_seen_at + LEAST(${FIRST_RETRY_MS}::float8 * power(2, job_quarantine.attempts), ${LONGEST_RETRY_MS}::float8) * interval '1 millisecond'
    RETURNING row_id, attempts, retry_after`;
  for (const r of rows) {
    metrics.rowsQuarantined.inc({ job, kind });
    const d = described[ids.indexOf(r.row_id)];
    logger.warn(
      { job, kind, rowId: r.row_id, attempts: r.attempts, retryAfter: r.retry_after.toISOString(), errorClass: d.errorClass, error: d.message },
      "row quarantined: left out of the job until its retry time",
    );
  }
}

async function release(job: string, kind: RowKind, ids: string[]) {
  const gone = await db.$queryRaw<{ row_id: string }[]>`
    DELETE FROM job_quarantine WHERE job = ${job} AND row_kind = ${kind} AND row_id = ANY(${ids}::text[]) RETURNING row_id`;
  for (const r of gone) {
    metrics.rowsReleased.inc({ job, kind });
    logger.info({ job, kind, rowId: r.row_id }, "quarantined row went through on its retry: released");
  }
}

/**
 * One row's work outside a sweep (a fanned-out job: one patient's inactivity, one caregiver's summaries):
 * a failure that is the row's own quarantines it (the sweep that fans out leaves it out until its retry
 * time) instead of being retried over and over; a transient one is rethrown for the job to retry.
 */
export async function runOneIsolated<R>(job: string, kind: RowKind, id: string, now: Date, fn: () => Promise<R>): Promise<R | null> {
  try {
    return await fn();
  } catch (err) {
    if (isTransient(err)) throw err;
    await quarantine(job, kind, new Map([[id, err]]), now);
    return null;
  }
}
