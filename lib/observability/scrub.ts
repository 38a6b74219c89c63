import type { Breadcrumb, ErrorEvent, Event } from "@sentry/nextjs";

/**
 * What an error report may carry out of Elda (docs/decisions/032-error-tracking-and-traces.md): an allowlist,
 * not a blocklist, because health data can hide in any free text. An event keeps its error's class and stack
 * (code, not data), the route or job it happened in, our own tags (ids, names of routes and jobs), and the
 * runtime. Gone: the error's message (it may quote a value; the log line with the same request id has it),
 * request bodies, cookies, headers, query strings, the user, extra data, breadcrumbs' messages and data,
 * local variables and source lines, and any tag whose value looks like an email address or a phone number.
 */

const REDACTED = "[redacted]";
const KEPT_CONTEXTS = new Set(["trace", "runtime", "os", "app", "device", "cloud_resource"]);
const KEPT_TAGS = new Set(["route", "job", "attempt", "engine", "request_id", "trace_id", "kind", "runtime", "environment", "level", "transaction", "turbopack"]);
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE = /\+?\d[\d\s().-]{6,}\d/;

/** A URL without its query string or fragment (a search box's words, a token), and without credentials. */
export function pathOnly(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, "http://x");
    return url.startsWith("/") ? u.pathname : `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return undefined;
  }
}

const safeValue = (v: unknown): v is string | number | boolean =>
  (typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && v.length <= 200)) && !EMAIL.test(String(v)) && !PHONE.test(String(v));

/** Frames keep their file, function and line: not their variables, nor the source lines around them. */
function scrubFrames<T extends object>(frames: T[] | undefined): T[] | undefined {
  const dropped = new Set(["vars", "pre_context", "context_line", "post_context"]);
  return frames?.map((frame) => Object.fromEntries(Object.entries(frame).filter(([k]) => !dropped.has(k))) as T);
}

/** The beforeSend scrubber: the event with only what the allowlist keeps. */
export function scrubEvent<E extends Event>(event: E): E {
  const out: Event = {
    event_id: event.event_id,
    timestamp: event.timestamp,
    start_timestamp: event.start_timestamp,
    level: event.level,
    platform: event.platform,
    environment: event.environment,
    release: event.release,
    dist: event.dist,
    server_name: event.server_name,
    sdk: event.sdk,
    type: event.type,
    fingerprint: event.fingerprint,
    modules: event.modules,
    transaction: event.transaction?.split(/[?#]/)[0],
  };
  if (event.request) out.request = { method: event.request.method, url: pathOnly(event.request.url) };
  if (event.tags) out.tags = Object.fromEntries(Object.entries(event.tags).filter(([k, v]) => KEPT_TAGS.has(k) && safeValue(v)));
  if (event.contexts) out.contexts = Object.fromEntries(Object.entries(event.contexts).filter(([k]) => KEPT_CONTEXTS.has(k)));
  if (event.exception?.values) {
    out.exception = {
      values: event.exception.values.map((x) => ({
        type: x.type,
        value: x.value === undefined ? undefined : REDACTED,
        mechanism: x.mechanism,
        module: x.module,
        thread_id: x.thread_id,
        stacktrace: x.stacktrace && { ...x.stacktrace, frames: scrubFrames(x.stacktrace.frames) },
      })),
    };
  }
  if (event.message !== undefined) out.message = REDACTED;
  if (event.breadcrumbs) out.breadcrumbs = event.breadcrumbs.map(scrubBreadcrumb).filter((b): b is Breadcrumb => b !== null);
  return out as E;
}

/** The beforeSend hook (typed as Sentry wants it). */
export const beforeSend = (event: ErrorEvent): ErrorEvent => scrubEvent(event);

/**
 * The beforeBreadcrumb scrubber: console lines are dropped (a log message may say anything); the others keep
 * their kind, time and level, and an HTTP call its method, status and address without its query.
 */
export function scrubBreadcrumb(b: Breadcrumb): Breadcrumb | null {
  if (b.category === "console") return null;
  const kept: Breadcrumb = { type: b.type, category: b.category, level: b.level, timestamp: b.timestamp };
  if (b.data && (b.type === "http" || b.category === "http" || b.category === "fetch")) {
    const { method, status_code: statusCode, url } = b.data as Record<string, unknown>;
    kept.data = { method: typeof method === "string" ? method : undefined, status_code: typeof statusCode === "number" ? statusCode : undefined, url: pathOnly(typeof url === "string" ? url : undefined) };
  }
  return kept;
}
