import "server-only";
import { timingSafeEqual } from "node:crypto";
import { config, type Config } from "@/lib/config";

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The operations token (METRICS_TOKEN) on a request, for /api/metrics and /api/health/status: "open" when
 * none is configured outside a deployment (a local run), "unconfigured" when a deployment has none (metrics
 * are then not served at all), else whether X-Metrics-Token was sent and matches.
 */
export function metricsTokenOf(
  req: Request,
  cfg: Pick<Config, "metricsToken" | "deployment"> = config(),
): "open" | "unconfigured" | "valid" | "absent" | "invalid" {
  const token = cfg.metricsToken;
  if (!token) return cfg.deployment ? "unconfigured" : "open";
  const sent = req.headers.get("x-metrics-token");
  if (sent === null) return "absent";
  return same(sent, token) ? "valid" : "invalid";
}

/** Said once at startup (instrumentation.ts): a deployment without METRICS_TOKEN serves no metrics. */
export function metricsTokenWarning(cfg: Pick<Config, "metricsToken" | "deployment"> = config()): string | null {
  return cfg.deployment && !cfg.metricsToken
    ? "METRICS_TOKEN is not set: /api/metrics answers 503 and /api/health/status gives only its verdict. Set a token of 16 characters or more to serve them."
    : null;
}
