import "server-only";
import { timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The operations token (METRICS_TOKEN) on a request, for /api/metrics and /api/health/status: "open" when
 * none is configured, else whether X-Metrics-Token was sent and matches.
 */
export function metricsTokenOf(req: Request): "open" | "valid" | "absent" | "invalid" {
  const token = config().metricsToken;
  if (!token) return "open";
  const sent = req.headers.get("x-metrics-token");
  if (sent === null) return "absent";
  return same(sent, token) ? "valid" : "invalid";
}
