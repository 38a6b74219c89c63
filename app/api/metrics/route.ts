import { route } from "@/lib/api/route";
import { metrics } from "@/lib/observability/metrics";

/** Prometheus metrics (route names and statuses only; no patient data). */
export const GET = route({ name: "GET /api/metrics", auth: "public" }, async () =>
  new Response(await metrics.registry.metrics(), { headers: { "content-type": metrics.registry.contentType } }),
);
