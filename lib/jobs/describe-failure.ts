/**
 * What a failure was, fit for logs and the job_quarantine table: a class (the SQLSTATE, or the error's name)
 * and a message with quoted values, addresses and long numbers taken out (no PHI: a failing row's name or
 * phone number may sit in a database error's message). And whether it says anything about a row at all: a
 * lost connection or a deadlock is the database's state, not the row's, and is retried, never quarantined.
 */
interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown; kind?: unknown } } };
  cause?: unknown;
}

const asError = (err: unknown): ErrorLike => (err && typeof err === "object" ? (err as ErrorLike) : {});
const adapterCause = (err: unknown) => asError(err).meta?.driverAdapterError?.cause;

/** The PostgreSQL SQLSTATE behind an error from pg or from Prisma's driver adapter, if any. */
// five characters, and not one of Prisma's own codes (P1000-P6999; SQLSTATE's P0 class is PL/pgSQL's)
const isSqlState = (code: unknown): code is string => typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !/^P[1-9]\d{3}$/.test(code);

export function sqlState(err: unknown): string | null {
  const e = asError(err);
  const original = adapterCause(err)?.originalCode ?? e.meta?.code;
  if (isSqlState(original)) return original;
  if (isSqlState(e.code)) return e.code;
  return e.cause ? sqlState(e.cause) : null;
}

// connection lost, serialization failure or deadlock, out of resources, lock not available, shut down or
// cancelled (statement timeout), system error
const TRANSIENT_SQLSTATE = /^(08|40|53|55P03|57|58)/;
const TRANSIENT_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034"]);
const TRANSIENT_ADAPTER = new Set([
  "ConnectionClosed",
  "SocketTimeout",
  "TransactionAlreadyClosed",
  "TooManyConnections",
  "DatabaseNotReachable",
  "TransactionWriteConflict",
]);
const TRANSIENT_NODE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
const TRANSIENT_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Transaction already closed|Unable to start a transaction/i;

/** True when the failure is the database's or the network's state: retry the whole run, quarantine nothing. */
export function isTransient(err: unknown): boolean {
  const e = asError(err);
  const state = sqlState(err);
  if (state && TRANSIENT_SQLSTATE.test(state)) return true;
  if (typeof e.code === "string" && (TRANSIENT_PRISMA.has(e.code) || TRANSIENT_NODE.has(e.code))) return true;
  const kind = adapterCause(err)?.kind;
  if (typeof kind === "string" && TRANSIENT_ADAPTER.has(kind)) return true;
  if (typeof e.message === "string" && TRANSIENT_MESSAGE.test(e.message)) return true;
  return e.cause ? isTransient(e.cause) : false;
}

/** A message without the values it quotes: `time zone "US/Pacific-New" not recognized` -> `time zone "…" not recognized`. */
export function redact(message: string): string {
  return (
    message
      .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '"…"')
      // Intl names the value it refused without quotes
      .replace(/(Invalid time zone specified:)\s*\S+/g, "$1 …")
      .replace(/\S+@\S+/g, "[address]")
      .replace(/\+?\d[\d ().-]{5,}\d/g, "[number]")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 500)
  );
}

export function describeFailure(err: unknown): { errorClass: string; message: string } {
  const e = asError(err);
  const state = sqlState(err);
  const name = typeof e.name === "string" && e.name ? e.name : typeof err;
  const original = adapterCause(err)?.originalMessage;
  const own = typeof original === "string" ? original : typeof e.message === "string" ? e.message : String(err);
  // an error that wraps another (SummariesIncomplete) names both
  const inner = !state && e.cause ? describeFailure(e.cause) : null;
  const errorClass = state ? `pg ${state}` : inner ? `${name} (${inner.errorClass})` : name;
  const message = inner ? `${redact(own)} ${inner.message}` : redact(own);
  return { errorClass: errorClass.slice(0, 100), message: message.slice(0, 500) || "(no message)" };
}
