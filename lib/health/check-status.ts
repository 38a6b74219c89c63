import "server-only";
import { clock } from "@/lib/clock";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { checkJobs } from "@/lib/jobs/check-jobs";
import { checkProviders } from "./check-providers";
import type { SystemStatus } from "./schemas";

/**
 * Is Elda doing its work in the background, for monitors (GET /api/health/status) and the dashboard's banner:
 * can the jobs run in this deployment, and has each scheduled one succeeded recently enough. Each check adds
 * its own section and its problems; any problem makes the status "failing": a job that is late, or a delivery
 * provider that is failing (lib/health/check-providers.ts). Unlike /api/health/ready (the load
 * balancer's question: can this instance serve requests?), a failing status never takes the API out of rotation.
 */
export async function checkSystemStatus(now: Date = clock.now(), env: Record<string, string | undefined> = process.env): Promise<Required<SystemStatus>> {
  const checked_at = now.toISOString();
  try {
    const [jobs, providers] = await Promise.all([checkJobs(now, env), checkProviders(now)]);
    const problems = [...jobs.problems, ...providers.problems];
    return {
      status: problems.length ? "failing" : "ok",
      checked_at,
      problems,
      warnings: providers.warnings,
      database: "ok",
      jobs: jobs.report,
      providers: providers.providers,
    };
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return {
      status: "failing",
      checked_at,
      problems: ["The database cannot be reached: no job can run."],
      warnings: [],
      database: "unreachable",
      jobs: null,
      providers: null,
    };
  }
}
