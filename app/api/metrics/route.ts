import { route } from "@/lib/api/route";
import { raw } from "@/lib/api/answers";
import { Unauthenticated } from "@/lib/api/errors";
import { metrics } from "@/lib/observability/metrics";
import { metricsTokenOf } from "@/lib/observability/metrics-token";

/** Prometheus metrics (route names and statuses only; no patient data). METRICS_TOKEN, when set, guards it. */
export const GET = route(
  { name: "GET /api/metrics", auth: "public", response: raw({ "text/plain": "Prometheus text exposition format" }) },
  async ({ req }) => {
    const token = metricsTokenOf(req);
    if (token === "absent" || token === "invalid") throw new Unauthenticated("Send the metrics token in X-Metrics-Token.");
    return new Response(await metrics.registry.metrics(), { headers: { "content-type": metrics.registry.contentType } });
  },
);
