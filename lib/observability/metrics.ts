import "server-only";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** One Prometheus registry per process, kept on globalThis so hot reloads do not register twice. */
const g = globalThis as unknown as { eldaMetrics?: { registry: Registry; duration: Histogram<string>; requests: Counter<string> } };

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: "elda_http_request_duration_seconds",
    help: "API request duration by route and status",
    labelNames: ["route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const requests = new Counter({ name: "elda_http_requests_total", help: "API requests by route and status", labelNames: ["route", "status"], registers: [registry] });
  return { registry, duration, requests };
}

export const metrics = (g.eldaMetrics ??= create());

export function observeRequest(route: string, status: number, ms: number) {
  metrics.duration.observe({ route, status: String(status) }, ms / 1000);
  metrics.requests.inc({ route, status: String(status) });
}
