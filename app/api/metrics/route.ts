import { timingSafeEqual } from "node:crypto";
import { route } from "@/lib/api/route";
import { Unauthenticated } from "@/lib/api/errors";
import { config } from "@/lib/config";
import { metrics } from "@/lib/observability/metrics";

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Prometheus metrics (route names and statuses only; no patient data). METRICS_TOKEN, when set, guards it. */
export const GET = route({ name: "GET /api/metrics", auth: "public" }, async ({ req }) => {
  const token = config().metricsToken;
  if (token && !same(req.headers.get("x-metrics-token") ?? "", token)) throw new Unauthenticated("Send the metrics token in X-Metrics-Token.");
  return new Response(await metrics.registry.metrics(), { headers: { "content-type": metrics.registry.contentType } });
});
