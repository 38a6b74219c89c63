import "server-only";
import { Cron } from "croner";
import { db } from "@/lib/db/client";
import { currentBootId, recordEngineBoot } from "./engine-boot";
import { engineMode, engineProblem, inDeployment, type EngineMode } from "./engine";
import { scheduledJobs } from "./jobs";

/** After the engine starts, jobs get this long to run once before any of them counts as late. */
export const BOOT_GRACE_MS = 5 * 60_000;
const MARGIN_MS = 3 * 60_000;
const lateAfter = new Map<string, number>();

/**
 * A cron job is late when its last success (or, never having succeeded, the engine's start) is older than
 * twice the longest gap between its runs plus 3 minutes: 5 minutes for a minute job, 13 for one every 5
 * minutes, 48 hours 3 minutes for a daily one. One missed run is tolerated; two are not.
 */
export function lateAfterMs(cron: string): number {
  let ms = lateAfter.get(cron);
  if (ms === undefined) {
    // the gaps of a UTC cron do not depend on the day it is asked, so one fixed start keeps this stable
    const runs = new Cron(cron, { timezone: "UTC", paused: true }).nextRuns(8, new Date("2026-01-05T00:00:00Z"));
    const period = Math.max(...runs.slice(1).map((r, i) => r.getTime() - runs[i].getTime()));
    ms = 2 * period + MARGIN_MS;
    lateAfter.set(cron, ms);
  }
  return ms;
}

export interface JobReport {
  id: string;
  /** the cron (UTC) of a scheduled job, or the event that starts it */
  cron: string | null;
  event: string | null;
  /** null for event jobs: they run when something happens, so they cannot be late */
  late_after_seconds: number | null;
  late: boolean;
  last_started_at: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  last_error: { class: string; message: string } | null;
  consecutive_failures: number;
  /** the engine of the latest attempt */
  last_engine: string | null;
}

export interface JobsReport {
  engine: EngineMode;
  deployment: boolean;
  booted_at: string;
  grace_until: string;
  items: JobReport[];
}

interface Row {
  booted_at: Date | null;
  job_id: string | null;
  engine: string | null;
  last_started_at: Date | null;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  last_error_class: string | null;
  last_error_message: string | null;
  consecutive_failures: number | null;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function span(ms: number) {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.floor(hours / 24)} days`;
}

/**
 * Can the jobs run, and have they? From this process's engine and the records in the database (one query:
 * this start's boot time and every job's status), never from process memory: on Vercel the instance asked
 * is rarely the one that ran anything. `problems` is empty when all is well.
 */
export async function checkJobs(now: Date, env: Record<string, string | undefined> = process.env): Promise<{ problems: string[]; report: JobsReport }> {
  const engine = engineMode(env);
  const deployment = inDeployment(env);
  const bootId = currentBootId(env);
  const rows = await db.$queryRaw<Row[]>`
    SELECT b.started_at AS booted_at, j.job_id, j.engine, j.last_started_at, j.last_success_at, j.last_failure_at,
           j.last_error_class, j.last_error_message, j.consecutive_failures
    FROM (SELECT 1) AS one
    LEFT JOIN job_engine_boots b ON b.boot_id = ${bootId}
    LEFT JOIN job_status j ON TRUE`;
  const bootedAt = rows[0]?.booted_at ?? (await recordEngineBoot(engine, bootId, now));
  const graceUntil = new Date(bootedAt.getTime() + BOOT_GRACE_MS);
  const inGrace = now < graceUntil;
  const byId = new Map(rows.filter((r) => r.job_id).map((r) => [r.job_id!, r]));

  const problems: string[] = [];
  const engineFault = engineProblem(engine, env, deployment);
  if (engineFault) problems.push(engineFault);
  const items = scheduledJobs().map((job): JobReport => {
    const r = byId.get(job.id);
    const cron = "cron" in job.trigger ? job.trigger.cron : null;
    const limit = cron ? lateAfterMs(cron) : null;
    const since = r?.last_success_at ?? bootedAt;
    const late = limit !== null && !inGrace && now.getTime() - since.getTime() > limit;
    if (late) {
      problems.push(
        r?.last_success_at
          ? `Job ${job.id} has not succeeded for ${span(now.getTime() - since.getTime())} (late after ${span(limit)}).`
          : `Job ${job.id} has not succeeded since the job engine started ${span(now.getTime() - since.getTime())} ago (late after ${span(limit)}).`,
      );
    }
    return {
      id: job.id,
      cron,
      event: "event" in job.trigger ? job.trigger.event : null,
      late_after_seconds: limit === null ? null : limit / 1000,
      late,
      last_started_at: iso(r?.last_started_at),
      last_success_at: iso(r?.last_success_at),
      last_failure_at: iso(r?.last_failure_at),
      last_error: r?.last_error_class ? { class: r.last_error_class, message: r.last_error_message ?? "" } : null,
      consecutive_failures: r?.consecutive_failures ?? 0,
      last_engine: r?.engine ?? null,
    };
  });
  return { problems, report: { engine, deployment, booted_at: bootedAt.toISOString(), grace_until: graceUntil.toISOString(), items } };
}
