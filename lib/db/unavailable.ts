/**
 * "The database cannot be reached" told apart from every other database error: the server is down, restarting
 * or refusing connections, a connection broke, or none could be had in time. Such a failure is ours to wait
 * out (503 with Retry-After, a "retrying" page), not a bug (500). Checked against the errors pg and Prisma
 * really throw (lib/db/unavailable.test.ts): Node socket errors, PostgreSQL's connection SQLSTATEs, pg's
 * own connection messages, and Prisma's wrappers of all three.
 */

/** Node socket errors on connect or on an open connection */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ECONNABORTED"]);
/** PostgreSQL: admin/crash shutdown, starting up or shutting down, too many connections (class 08 is matched below) */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Prisma's own codes for "can't reach", "timed out", "server closed the connection", "pool timeout" */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** what @prisma/adapter-pg calls them */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** pg's connection errors carry no code, only these messages */
const PG_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/** The digest a page error carries when the database is unreachable (Next keeps a digest it finds). */
export const DATABASE_UNAVAILABLE_DIGEST = "ELDA_DATABASE_UNAVAILABLE";

/** How long a client should wait before trying again, in seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

type Loose = {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown };
  digest?: unknown;
};

/** What marks one error object as "unreachable": a code, an adapter kind, or one of pg's messages (null: nothing). */
function signOf(e: Loose): string | null {
  const code = typeof e.code === "string" ? e.code : "";
  if (SOCKET_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return code;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return e.kind;
  if (typeof e.message === "string" && PG_MESSAGES.test(e.message)) return e.message.slice(0, 60);
  return null;
}

/**
 * The signs found on an error and the errors inside it: Prisma keeps the adapter's error (and through it the
 * PostgreSQL code) in meta; Node's multi-address connect failures are AggregateErrors; anything may have a cause.
 */
function signsOf(err: unknown, depth = 0, into: string[] = []): string[] {
  if (!err || typeof err !== "object" || depth > 5) return into;
  const e = err as Loose;
  const sign = e.digest === DATABASE_UNAVAILABLE_DIGEST ? "marked" : signOf(e);
  if (sign && !into.includes(sign)) into.push(sign);
  const adapter = e.meta?.driverAdapterError as Loose | undefined;
  for (const inner of [adapter, adapter?.cause, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])]) signsOf(inner, depth + 1, into);
  return into;
}

export function isDatabaseUnavailable(err: unknown): boolean {
  return signsOf(err).length > 0;
}

/**
 * Stamp the digest on a database-unreachable error (and return it, to rethrow), so a page's error boundary
 * can tell it apart in a production build, where Next sends the browser nothing but the digest.
 */
export function markIfDatabaseUnavailable(err: unknown): unknown {
  if (isDatabaseUnavailable(err) && err && typeof err === "object") {
    try {
      (err as { digest?: string }).digest = DATABASE_UNAVAILABLE_DIGEST;
    } catch {
      /* a frozen error: the boundary shows its generic message */
    }
  }
  return err;
}

/** What made an error "unreachable", for logs and the job status: codes and pg's fixed messages, never a query. */
export function databaseUnavailableCause(err: unknown): string {
  return signsOf(err).join(" ") || "unknown";
}
