import "server-only";
import { clock } from "@/lib/clock";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { checkJobs } from "@/lib/jobs/check-jobs";
import type { SystemStatus } from "./schemas";

/**
 * Is Elda doing its work in the background, for monitors (GET /api/health/status) and the dashboard's banner:
 * can the jobs run in this deployment, and has each scheduled one succeeded recently enough. Each check adds
 * its own section and its problems; any problem makes the status "failing". Unlike /api/health/ready (the load
 * balancer's question: can this instance serve requests?), a failing status never takes the API out of rotation.
 */
export async function checkSystemStatus(now: Date = clock.now(), env: Record<string, string | undefined> = process.env): Promise<Required<SystemStatus>> {
  const checked_at = now.toISOString();
  try {
    const jobs = await checkJobs(now, env);
    // more checks (e.g. the notification providers) add their section and problems here
    const problems = [...jobs.problems];
    return { status: problems.length ? "failing" : "ok", checked_at, problems, database: "ok", jobs: jobs.report };
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return { status: "failing", checked_at, problems: ["The database cannot be reached: no job can run."], database: "unreachable", jobs: null };
  }
}
