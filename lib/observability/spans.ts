import { isSpanContextValid, SpanKind, SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";

/**
 * Spans of our own (a route, a server action, a job run) through the OpenTelemetry API alone: no-ops until
 * lib/observability/tracing.ts registers a tracer provider (OTEL_EXPORTER_OTLP_ENDPOINT set).
 */
const tracer = () => trace.getTracer("elda");

/**
 * Run `fn` in a span of its own (a child of the request's span when there is one). A failure marks the span
 * with the error's class only: its message may quote data.
 */
export function inSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  return tracer().startActiveSpan(name, { attributes, kind }, async (span) => {
    try {
      return await fn();
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.name : typeof err });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Add attributes to the span this code runs in (nothing when tracing is off). */
export function annotateSpan(attributes: Attributes) {
  trace.getActiveSpan()?.setAttributes(attributes);
}

/** The trace id of the span this code runs in, or undefined when tracing is off. */
export function currentTraceId(): string | undefined {
  const ctx = trace.getActiveSpan()?.spanContext();
  return ctx && isSpanContextValid(ctx) ? ctx.traceId : undefined;
}
