import "server-only";
import { AppError } from "@/lib/api/errors";
import { clock } from "@/lib/clock";
import { db, Prisma } from "@/lib/db/client";
import { databaseUnavailableCause, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { logger } from "@/lib/observability/logger";
import { MalformedEvent } from "./events";

export type RunEngine = "inngest" | "embedded";

/**
 * Run one attempt of a job and keep its outcome in `job_status` (start, success, or failure with a class and
 * a message), whichever engine runs it: GET /api/health/status and the dashboard's banner read it from there,
 * not from a process that may be gone. Every time only moves forward (GREATEST), so two runners or a late
 * retry never make a job look older than it is. Recording never changes the job's own outcome: a write that
 * fails is logged and the job's result or error passes through untouched.
 */
export async function recordedRun<T>(jobId: string, engine: RunEngine, run: () => Promise<T>): Promise<T> {
  await record(
    jobId,
    "start",
    () =>
      db.$executeRaw`
      INSERT INTO job_status (job_id, engine, last_started_at) VALUES (${jobId}, ${engine}, ${clock.now()})
      ON CONFLICT (job_id) DO UPDATE SET engine = EXCLUDED.engine,
        last_started_at = GREATEST(job_status.last_started_at, EXCLUDED.last_started_at)`,
  );
  let result: T;
  try {
    result = await run();
  } catch (err) {
    const { errorClass, message } = describeJobError(err);
    await record(
      jobId,
      "failure",
      () =>
        db.$executeRaw`
        INSERT INTO job_status (job_id, engine, last_failure_at, last_error_class, last_error_message, consecutive_failures)
        VALUES (${jobId}, ${engine}, ${clock.now()}, ${errorClass}, ${message}, 1)
        ON CONFLICT (job_id) DO UPDATE SET engine = EXCLUDED.engine,
          last_failure_at = GREATEST(job_status.last_failure_at, EXCLUDED.last_failure_at),
          last_error_class = CASE WHEN job_status.last_failure_at IS NULL OR EXCLUDED.last_failure_at >= job_status.last_failure_at
            THEN EXCLUDED.last_error_class ELSE job_status.last_error_class END,
          last_error_message = CASE WHEN job_status.last_failure_at IS NULL OR EXCLUDED.last_failure_at >= job_status.last_failure_at
            THEN EXCLUDED.last_error_message ELSE job_status.last_error_message END,
          consecutive_failures = CASE WHEN job_status.last_success_at IS NULL OR job_status.last_success_at <= EXCLUDED.last_failure_at
            THEN job_status.consecutive_failures + 1 ELSE job_status.consecutive_failures END`,
    );
    throw err;
  }
  await record(
    jobId,
    "success",
    () =>
      db.$executeRaw`
      INSERT INTO job_status (job_id, engine, last_success_at) VALUES (${jobId}, ${engine}, ${clock.now()})
      ON CONFLICT (job_id) DO UPDATE SET engine = EXCLUDED.engine,
        last_success_at = GREATEST(job_status.last_success_at, EXCLUDED.last_success_at),
        consecutive_failures = CASE WHEN job_status.last_failure_at IS NULL OR job_status.last_failure_at <= EXCLUDED.last_success_at
          THEN 0 ELSE job_status.consecutive_failures END`,
  );
  return result;
}

async function record(jobId: string, what: string, write: () => Promise<unknown>) {
  try {
    await write();
  } catch (err) {
    logger.warn({ job: jobId, cause: isDatabaseUnavailable(err) ? databaseUnavailableCause(err) : (err as Error)?.name }, `could not record the job's ${what}`);
  }
}

/**
 * What failed, without PHI: the error's class, and a message only when Elda wrote it (its own typed errors, a
 * malformed event's ids and fields, an unreachable database, a database error code). Anything else may quote
 * data (a provider's answer, a value in a constraint), so the message points at the log line instead, which
 * has the whole error.
 */
export function describeJobError(err: unknown): { errorClass: string; message: string } {
  if (isDatabaseUnavailable(err))
    return { errorClass: "DatabaseUnavailable", message: `The database could not be reached (${databaseUnavailableCause(err)}).`.slice(0, 300) };
  const name = (err instanceof Error ? err.constructor.name || err.name : typeof err).slice(0, 60);
  if (err instanceof AppError || err instanceof MalformedEvent) return { errorClass: name, message: err.message.slice(0, 300) };
  if (err instanceof Prisma.PrismaClientKnownRequestError) return { errorClass: `${name}:${err.code}`, message: `Database error ${err.code}.` };
  return { errorClass: name, message: "Details are in the server log for this job and time." };
}
