import "server-only";
import type pg from "pg";
import { SpanKind } from "@opentelemetry/api";
import { config } from "@/lib/config";
import { logger } from "./logger";
import { requestContext } from "./request-context";
import { inSpan } from "./spans";

/**
 * Database time (docs/decisions/032-error-tracking-and-traces.md): every query, through Prisma or a hand-made
 * statement on the pool, adds its duration to the request it runs in (the request's log line and the
 * elda_http_request_db_seconds histogram, lib/api/route.ts) and, at SLOW_QUERY_MS or slower, writes a
 * "slow query" line: the query's name (model and operation, or the statement's verb and table) and its
 * duration, never its parameters. Parallel queries each count: the total can exceed the request's own time.
 */
export function recordQuery(name: string, ms: number) {
  const ctx = requestContext.get();
  if (ctx?.db) {
    ctx.db.ms += ms;
    ctx.db.queries += 1;
  }
  if (ms >= config().slowQueryMs) logger.warn({ query: name, ms: Math.round(ms * 10) / 10, requestId: ctx?.requestId }, "slow query");
}

/** Time a call (a Prisma operation) under this name. */
export async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    recordQuery(name, performance.now() - started);
  }
}

/**
 * A statement's name without its values: its verb and first table ("SELECT devices", "INSERT job_status").
 * Values are bound parameters ($1...) in every statement of ours, so the text holds none; only these two
 * words are kept anyway.
 */
export function statementName(sql: string): string {
  const text = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, " ").trim();
  const verb = /^\s*(WITH|SELECT|INSERT|UPDATE|DELETE|LOCK|SET|BEGIN|COMMIT|ROLLBACK|[A-Z]+)/i.exec(text)?.[1]?.toUpperCase() ?? "SQL";
  const table = /\b(?:FROM|INTO|UPDATE|JOIN)\s+(?:ONLY\s+)?"?(?:[a-z_][a-z0-9_]*"?\.)?"?([a-z_][a-z0-9_]*)"?/i.exec(text)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/**
 * The pool as hand-made SQL uses it (lib/db/client.ts `pool`): its promise `query` timed and traced (a span
 * per statement, as Prisma's own queries get), everything else the pool itself. Prisma's adapter keeps the
 * bare pool (its queries are timed once, by the client extension).
 */
export function timedPool(pool: pg.Pool): pg.Pool {
  const query = (...args: unknown[]) => {
    const first = args[0] as string | { text?: string } | undefined;
    if (typeof args[args.length - 1] === "function") return (pool.query as (...a: unknown[]) => unknown)(...args);
    const name = statementName(typeof first === "string" ? first : (first?.text ?? ""));
    return inSpan(
      `db ${name}`,
      { "db.system.name": "postgresql", "db.operation.name": name.split(" ")[0] },
      () => timed(name, () => (pool.query as (...a: unknown[]) => Promise<unknown>)(...args)),
      SpanKind.CLIENT,
    );
  };
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === "query") return query;
      const v = Reflect.get(target, prop, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}
