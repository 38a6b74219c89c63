import { BatchSpanProcessor, type ReadableSpan, type Span, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { PrismaInstrumentation } from "@prisma/instrumentation";
import { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";
import type { Config } from "@/lib/config";
import { pathOnly } from "./scrub";

/**
 * The one OpenTelemetry setup of the process (docs/decisions/032-error-tracking-and-traces.md), registered from
 * instrumentation.ts only when OTEL_EXPORTER_OTLP_ENDPOINT is set: @vercel/otel's tracer provider and context
 * manager, Next.js's own spans (the request, rendering), Prisma's spans (one per query, through
 * @prisma/instrumentation), ours (`inSpan`: a route, a server action, a job run), exported as OTLP/HTTP JSON to
 * `<endpoint>/v1/traces`. Without it no provider is registered and every span is a no-op.
 */

/** Query strings carry what a caregiver typed (a patient's name in a search): they never reach a span. */
const URL_ATTRIBUTES = ["http.target", "http.url", "url.full", "next.url"];
class QueryStringScrubber implements SpanProcessor {
  onStart(span: Span) {
    for (const key of URL_ATTRIBUTES) {
      const v = span.attributes[key];
      if (typeof v === "string" && /[?#]/.test(v)) span.setAttribute(key, pathOnly(v) ?? "");
    }
    if (span.attributes["url.query"] !== undefined) span.setAttribute("url.query", "");
  }
  onEnd(_span: ReadableSpan) {}
  forceFlush = () => Promise.resolve();
  shutdown = () => Promise.resolve();
}

const g = globalThis as unknown as { eldaTracing?: { processor: SpanProcessor } };

export function startTracing(cfg: Config["tracing"]): { processor: SpanProcessor } | null {
  if (!cfg) return null;
  if (g.eldaTracing) return g.eldaTracing;
  const processor = new BatchSpanProcessor(new OTLPHttpJsonTraceExporter({ url: `${cfg.endpoint}/v1/traces` }), { scheduledDelayMillis: 1000 });
  registerOTel({
    serviceName: cfg.serviceName,
    instrumentations: ["auto", new PrismaInstrumentation()],
    spanProcessors: [new QueryStringScrubber(), processor],
  });
  g.eldaTracing = { processor };
  return g.eldaTracing;
}

/** Send the spans ended so far (tests, shutdown). */
export async function flushTraces() {
  await g.eldaTracing?.processor.forceFlush();
}
