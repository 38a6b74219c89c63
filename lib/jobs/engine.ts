import "server-only";
import { config } from "@/lib/config";
import { databaseUnavailableCause } from "@/lib/db/unavailable";
import { logger } from "@/lib/observability/logger";
import { setEventSink } from "./emit";
import { EmbeddedRunner } from "./embedded-runner";
import { currentBootId, recordEngineBoot } from "./engine-boot";
import { LeaderLease } from "./leader-lease";
import { scheduledJobs } from "./jobs";

export type EngineMode = "inngest" | "embedded" | "off";
type Env = Record<string, string | undefined>;

/**
 * Which engine runs the jobs: Inngest when it is configured; never the embedded runner on Vercel (no
 * long-lived process there) or when ELDA_EMBEDDED_JOBS=0; the embedded runner otherwise (the default, like
 * the embedded database).
 */
export function engineMode(env: Env = process.env): EngineMode {
  if (env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY || env.INNGEST_DEV) return "inngest";
  if (env.VERCEL || env.ELDA_EMBEDDED_JOBS === "0") return "off";
  return "embedded";
}

/** A deployment (lib/config.ts: production with a database server), or anything on Vercel. */
export function inDeployment(env: Env = process.env): boolean {
  return !!env.VERCEL || config().deployment;
}

/**
 * Why jobs cannot run in this deployment, or null. Outside a deployment an engine that is off is no fault by
 * itself (another process may run the jobs); the status then tells from the jobs' own records.
 */
export function engineProblem(mode: EngineMode, env: Env = process.env, deployment = inDeployment(env)): string | null {
  if (!deployment) return null;
  if (mode === "off") {
    return "The job engine is off: Inngest is not connected (INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY) and a deployment does not run jobs in its own process.";
  }
  if (mode === "inngest" && !env.INNGEST_SIGNING_KEY && !env.INNGEST_DEV) {
    return "INNGEST_SIGNING_KEY is not set: Inngest cannot call /api/inngest to run the jobs.";
  }
  return null;
}

const g = globalThis as unknown as { eldaRunner?: EmbeddedRunner };

/** Called once per server process from instrumentation.ts. An engine that cannot run is said loudly. */
export async function startJobEngine(mode: EngineMode = engineMode()) {
  if (mode === "inngest") {
    const { sendToInngest } = await import("./inngest");
    setEventSink(sendToInngest);
  } else if (mode === "embedded" && !g.eldaRunner) {
    // several instances on one database: only the lease holder runs the sweeps (decision 033)
    g.eldaRunner = new EmbeddedRunner(scheduledJobs(), { leader: new LeaderLease(currentBootId()) });
    setEventSink(async (events) => g.eldaRunner!.enqueue(events));
    g.eldaRunner.start();
  }
  const problem = engineProblem(mode);
  if (problem) logger.error({ mode }, `${problem} Reminders, alerts and summaries are NOT being sent (GET /api/health/status answers 503).`);
  else if (mode === "off")
    logger.warn({ mode }, "job engine is off in this process (ELDA_EMBEDDED_JOBS=0): reminders and alerts go out only if another process runs the jobs");
  else logger.info({ mode }, "job engine");
  try {
    await recordEngineBoot(mode);
  } catch (err) {
    // the status endpoint records it when it first answers
    logger.warn({ cause: databaseUnavailableCause(err) }, "could not record the job engine's start");
  }
  return mode;
}
