import type { Instrumentation } from "next";

/**
 * Next.js calls this once when a server process starts: traces first (OTEL_EXPORTER_OTLP_ENDPOINT), then error
 * tracking (SENTRY_DSN), then the job engine (lib/jobs/engine.ts). docs/decisions/032-error-tracking-and-traces.md.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("./lib/config");
  const { startTracing } = await import("./lib/observability/tracing");
  startTracing(config().tracing);
  const { startErrorTracking } = await import("./lib/observability/sentry");
  startErrorTracking();
  const { startJobEngine } = await import("./lib/jobs/engine");
  await startJobEngine();
  const { metricsTokenWarning } = await import("./lib/observability/metrics-token");
  const { logger } = await import("./lib/observability/logger");
  const warning = metricsTokenWarning();
  if (warning) logger.warn(warning);
}

/** An error a page, layout, server action or route threw to Next.js itself: to Sentry when it is on. */
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.SENTRY_DSN) return;
  const { reportRequestError } = await import("./lib/observability/sentry");
  reportRequestError(...args);
};
