import { route } from "@/lib/api/route";
import { Reply } from "@/lib/api/answers";
import { Unauthenticated } from "@/lib/api/errors";
import { checkSystemStatus } from "@/lib/health/check-status";
import { systemStatusOutput } from "@/lib/health/schemas";
import { metricsTokenOf } from "@/lib/observability/metrics-token";

/**
 * For monitors: 200 while the background jobs can run and none is late, 503 otherwise (docs/decisions/017-job-status-and-database-outages.md).
 * The answer's code is public (a monitor needs nothing else); with METRICS_TOKEN set, the details (engine,
 * job ids, error classes: operational, never PHI) need it in X-Metrics-Token, like /api/metrics.
 */
export const GET = route(
  {
    name: "GET /api/health/status",
    auth: "public",
    response: systemStatusOutput,
    alsoAnswers: [503],
    summary: "Background jobs: can they run, is any late (503 when so)",
  },
  async ({ req, now }) => {
    const token = metricsTokenOf(req);
    if (token === "invalid") throw new Unauthenticated("The metrics token in X-Metrics-Token is wrong.");
    const s = await checkSystemStatus(now);
    // the details only to token holders (and to anyone in a local run without a token)
    const body = token === "valid" || token === "open" ? s : { status: s.status, checked_at: s.checked_at };
    return new Reply(body, s.status === "ok" ? 200 : 503);
  },
);
