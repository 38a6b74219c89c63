import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config";
import { logger } from "@/lib/observability/logger";
import { statementName, timed, timedPool } from "@/lib/observability/query-timing";
import { databaseUnavailableCause } from "./unavailable";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
/** a Prisma client or the transaction client handed to `db.$transaction(async (tx) => ...)` */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const g = globalThis as unknown as { eldaDb?: { pool: pg.Pool; prisma: PrismaClient } };

/** How long a request waits for a connection (a new one, or a free one from a full pool) before giving up. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The process's connection pool. A database that stops answering fails requests after CONNECT_TIMEOUT_MS (503,
 * lib/db/unavailable.ts) instead of holding them until the operating system gives up on the socket. A connection
 * that breaks (the server restarted or failed over, a message it did not expect) is logged and dropped, whether
 * it sat idle in the pool or was checked out between two queries (a transaction doing work in between): pg
 * raises that as an `error` event on the connection, and unheard it would end the process, every request and
 * job with it. A query in flight on it fails with the error as well; the pool does not hand it out again.
 */
export function newPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  pool.on("connect", (client) => client.on("error", (err) => logger.warn({ cause: databaseUnavailableCause(err) }, "database connection lost")));
  // an idle connection's error reaches the pool as well: logged above, by the connection's own listener
  pool.on("error", () => {});
  return pool;
}

function create() {
  const c = config();
  const pool = newPool(c.databaseUrl, c.databasePoolMax);
  // development: Prisma's query log (each statement and its time, without its values) at LOG_LEVEL=debug
  const development = c.nodeEnv === "development";
  const base = new PrismaClient({ adapter: new PrismaPg(pool), ...(development ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}) });
  if (development) (base as PrismaClient<"query">).$on("query", (e) => logger.debug({ query: e.query, ms: e.duration }, "prisma query"));
  // every operation timed (request database time, slow-query log: lib/observability/query-timing.ts)
  const prisma = base.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        return timed(model ? `${model}.${operation}` : rawName(operation, args), () => query(args));
      },
    },
  }) as unknown as PrismaClient;
  return { pool: timedPool(pool), prisma };
}

/** A raw query's name: the operation and its statement's verb and table ($queryRaw SELECT job_quarantine). */
function rawName(operation: string, args: unknown): string {
  const a = args as { strings?: readonly string[]; sql?: string } | unknown[] | undefined;
  const text = Array.isArray(a) ? (typeof a[0] === "string" ? a[0] : "") : (a?.sql ?? a?.strings?.join("?") ?? "");
  return `${operation} ${statementName(text)}`.trim();
}

const created = (g.eldaDb ??= create());

/** The one Prisma client of this process (pg in production, the embedded PGlite socket locally). */
export const db: PrismaClient = created.prisma;

/**
 * The connection pool under `db`, for the few hot paths written as one hand-made SQL statement (the
 * heartbeat and the device credential check: docs/decisions/009-hot-path-sql.md). Same connections,
 * same limits; everything else goes through Prisma.
 */
export const pool: pg.Pool = created.pool;

export * from "./generated/client";
