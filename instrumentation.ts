/** Next.js calls this once when a server process starts: the job engine starts here (lib/jobs/engine.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobEngine } = await import("./lib/jobs/engine");
  await startJobEngine();
  const { metricsTokenWarning } = await import("./lib/observability/metrics-token");
  const { logger } = await import("./lib/observability/logger");
  const warning = metricsTokenWarning();
  if (warning) logger.warn(warning);
}
