import "server-only";
import * as Sentry from "@sentry/nextjs";
import { config, type Config } from "@/lib/config";
import { requestContext } from "./request-context";
import { beforeSend, scrubBreadcrumb } from "./scrub";
import { currentTraceId } from "./spans";

/**
 * Error tracking through Sentry, on only when SENTRY_DSN is set (docs/decisions/032-error-tracking-and-traces.md).
 * Errors only: traces go through the one OpenTelemetry setup (lib/observability/tracing.ts), so Sentry neither
 * registers a tracer provider (enableOpenTelemetrySetup: false) nor sends transactions. Every event passes the
 * allowlist scrubber (lib/observability/scrub.ts) and carries our tags: the route or job, the request id and
 * the trace id, to find the log line that has the whole error.
 */
export function startErrorTracking(cfg: Config["sentry"] = config().sentry): boolean {
  if (!cfg) return false;
  if (Sentry.getClient()) return true;
  Sentry.init({
    dsn: cfg.dsn,
    environment: cfg.environment,
    enableOpenTelemetrySetup: false,
    // collect nothing about people in the first place (the scrubber is the second line)
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      databaseQueryData: false,
      queues: false,
      stackFrameVariables: false,
      frameContextLines: 0,
      genAI: { inputs: false, outputs: false },
      graphQL: { document: false, variables: false },
    },
    includeLocalVariables: false,
    // no module hooks: Sentry traces nothing here (the OpenTelemetry setup does)
    enableRuntimeChannelInjection: false,
    tracesSampleRate: 0,
    traceLifecycle: "static",
    maxBreadcrumbs: 30,
    // log lines (console breadcrumbs), local variables and source lines around a frame stay here
    integrations: (defaults) => defaults.filter((i) => !["Console", "LocalVariables", "LocalVariablesAsync", "ContextLines"].includes(i.name)),
    beforeSend,
    beforeSendTransaction: () => null,
    beforeBreadcrumb: scrubBreadcrumb,
  });
  return true;
}

export type ErrorTags = Partial<Record<"route" | "job" | "attempt" | "engine" | "kind", string>>;

/** Report an error we caught and answered for (a 500, a failed form, a failed job run): a no-op without a DSN. */
export function reportError(err: unknown, tags: ErrorTags) {
  if (!Sentry.getClient()) return;
  Sentry.withScope((scope) => {
    scope.setTags(withIds(tags));
    Sentry.captureException(err);
  });
}

/** Next.js's onRequestError (instrumentation.ts): an error a page, layout or action threw to Next itself. */
export function reportRequestError(...[err, request, context]: Parameters<typeof Sentry.captureRequestError>) {
  if (!Sentry.getClient()) return;
  Sentry.withScope((scope) => {
    scope.setTags(withIds({ route: context.routePath, kind: context.routeType }));
    Sentry.captureRequestError(err, request, context);
  });
}

/** Wait until queued reports are sent (tests, shutdown). */
export const flushErrors = (timeoutMs = 2000) => Sentry.flush(timeoutMs);

function withIds(tags: ErrorTags): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(Object.entries(tags).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const requestId = requestContext.get()?.requestId;
  const traceId = currentTraceId();
  if (requestId) out.request_id = requestId;
  if (traceId) out.trace_id = traceId;
  return out;
}
