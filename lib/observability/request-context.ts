import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { config, type Config } from "@/lib/config";
import { currentTraceId } from "./spans";

export interface RequestContext {
  requestId: string;
  ip: string | null;
  /** the database time this request has spent so far (lib/observability/query-timing.ts) */
  db?: { ms: number; queries: number };
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
};

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * The client's address, for per-address limits and the audit trail, taken only from what a proxy of ours
 * wrote (docs/decisions/024-hostile-input-and-key-scopes.md). X-Forwarded-For is a list each proxy appends
 * the address it saw to, so everything left of our own proxies' entries is whatever the client sent: the
 * address is the entry `trustedProxyHops` from the right (the left-most one when the list is shorter). On
 * Vercel, the platform's own header. With no trusted proxy the app cannot see the address at all (Next.js
 * keeps a client's X-Forwarded-For as is), so there is none: per-account limits still apply.
 */
export function clientIpFrom(headers: Headers, source: Config["clientAddress"] = config().clientAddress): string | null {
  if ("platform" in source) return clean(headers.get("x-vercel-forwarded-for")?.split(",")[0]) ?? clean(headers.get("x-real-ip"));
  if (source.trustedProxyHops === 0) return null;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (hops.length === 0) return null;
  return clean(hops[Math.max(0, hops.length - source.trustedProxyHops)]);
}

const clean = (s: string | null | undefined) => s?.trim().slice(0, 64) || null;

/**
 * The request's id: with tracing on, its trace id (so the id a user quotes from a problem's `instance` or
 * X-Request-Id opens the trace; a caller follows a request across systems with W3C `traceparent` then);
 * otherwise a sane incoming X-Request-Id (to follow a request across systems), else a new one.
 */
export function requestIdFrom(headers: Headers): string {
  const traceId = currentTraceId();
  if (traceId) return traceId;
  const incoming = headers.get("x-request-id");
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
