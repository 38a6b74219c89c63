import "server-only";
import { ZodError } from "zod";
import { Prisma } from "@/lib/db/generated/client";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { NUL_MESSAGE } from "@/lib/validation/safe-json";
import { AppError, type FieldError } from "./errors";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
  code?: string;
}

export function zodFieldErrors(err: ZodError, prefix = ""): FieldError[] {
  return err.issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join(".");
    if (i.code === "unrecognized_keys") {
      return { field: [path, ...i.keys].filter(Boolean).join(".") || path, message: `Unknown field${i.keys.length > 1 ? "s" : ""}: ${i.keys.join(", ")}.` };
    }
    if (i.code === "invalid_type" && /received undefined/.test(i.message)) return { field: path, message: "Required." };
    return { field: path, message: i.message };
  });
}

/**
 * Map any thrown value to an RFC 9457 problem. Unknown errors say nothing about internals (`internal`: log
 * them as errors). An unreachable database is a 503 with Retry-After (`transient`: it passes on its own).
 */
export function toProblem(err: unknown, requestId: string): { problem: Problem; retryAfter?: number; internal: boolean; transient?: boolean } {
  const base = (status: number, title: string, detail: string, slug: string): Problem => ({
    type: `https://elda.app/problems/${slug}`,
    title,
    status,
    detail,
    instance: requestId,
  });
  if (err instanceof AppError) {
    const p = base(err.status, err.title, err.message, err.title.toLowerCase().replace(/\s+/g, "-"));
    if (err.extra.errors) p.errors = err.extra.errors;
    if (err.extra.code) p.code = err.extra.code;
    return { problem: p, retryAfter: err.extra.retryAfterSeconds, internal: false };
  }
  if (err instanceof ZodError) {
    const p = base(422, "Validation failed", "The request has invalid fields.", "validation-failed");
    p.errors = zodFieldErrors(err);
    return { problem: p, internal: false };
  }
  if (isDatabaseUnavailable(err)) {
    return {
      problem: base(503, "Service unavailable", "The database cannot be reached right now. Try again in a few seconds.", "service-unavailable"),
      retryAfter: DATABASE_RETRY_AFTER_SECONDS,
      internal: false,
      transient: true,
    };
  }
  const refused = unstorableValue(err);
  if (refused) return { problem: base(400, "Bad request", refused, "bad-request"), internal: false };
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === "P2002") return { problem: base(409, "Conflict", "A record with these values already exists.", "conflict"), internal: false };
    if (err.code === "P2025") return { problem: base(404, "Not found", "The record was not found.", "not-found"), internal: false };
    if (err.code === "P2003") return { problem: base(409, "Conflict", "A related record does not exist or is still in use.", "conflict"), internal: false };
  }
  return {
    problem: base(500, "Internal server error", "Something went wrong on our side. Quote the request id when reporting it.", "internal"),
    internal: true,
  };
}

/**
 * A value PostgreSQL refused to store, which the schemas should have caught first (a backstop): the NUL
 * character in text (SQLSTATE 22021) or jsonb (22P05), or a date or time out of its range (22008). The SQLSTATE
 * is on pg's error, or on the adapter's error inside Prisma's.
 */
function unstorableValue(err: unknown): string | null {
  const adapter = (err as { meta?: { driverAdapterError?: { cause?: { code?: unknown } } } } | null)?.meta?.driverAdapterError;
  const code = adapter?.cause?.code ?? (err as { code?: unknown } | null)?.code;
  if (code === "22021" || code === "22P05") return NUL_MESSAGE;
  if (code === "22008") return "A date or time is out of range.";
  return null;
}
