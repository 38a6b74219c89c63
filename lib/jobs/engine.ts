import "server-only";
import { logger } from "@/lib/observability/logger";
import { setEventSink } from "./emit";
import { EmbeddedRunner } from "./embedded-runner";
import { jobs } from "./jobs";

export type EngineMode = "inngest" | "embedded" | "off";

/**
 * Which engine runs the jobs: Inngest when it is configured; never the embedded runner on Vercel (no
 * long-lived process there) or when ELDA_EMBEDDED_JOBS=0; the embedded runner otherwise (the default, like
 * the embedded database).
 */
export function engineMode(env: Record<string, string | undefined> = process.env): EngineMode {
  if (env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY || env.INNGEST_DEV) return "inngest";
  if (env.VERCEL || env.ELDA_EMBEDDED_JOBS === "0") return "off";
  return "embedded";
}

const g = globalThis as unknown as { eldaRunner?: EmbeddedRunner };

/** Called once per server process from instrumentation.ts. */
export async function startJobEngine(mode: EngineMode = engineMode()) {
  if (mode === "inngest") {
    const { sendToInngest } = await import("./inngest");
    setEventSink(sendToInngest);
  } else if (mode === "embedded" && !g.eldaRunner) {
    g.eldaRunner = new EmbeddedRunner(jobs);
    setEventSink(async (events) => g.eldaRunner!.enqueue(events));
    g.eldaRunner.start();
  }
  logger.info({ mode }, "job engine");
  return mode;
}
