import { route } from "@/lib/api/route";
import { raw } from "@/lib/api/answers";
import { Unauthenticated, Unavailable } from "@/lib/api/errors";
import { metrics } from "@/lib/observability/metrics";
import { metricsTokenOf } from "@/lib/observability/metrics-token";

/**
 * Prometheus metrics (route names and statuses only; no patient data). METRICS_TOKEN guards it; a deployment
 * without one serves nothing (503), so metrics are never open to the internet by omission.
 */
export const GET = route(
  { name: "GET /api/metrics", auth: "public", response: raw({ "text/plain": "Prometheus text exposition format" }) },
  async ({ req }) => {
    const token = metricsTokenOf(req);
    if (token === "unconfigured") throw new Unavailable("Metrics are not served: this deployment has no METRICS_TOKEN.");
    if (token === "absent" || token === "invalid") throw new Unauthenticated("Send the metrics token in X-Metrics-Token.");
    return new Response(await metrics.registry.metrics(), { headers: { "content-type": metrics.registry.contentType } });
  },
);
