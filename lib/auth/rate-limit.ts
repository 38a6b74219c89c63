import "server-only";
import { db } from "@/lib/db/client";
import { RateLimited } from "@/lib/api/errors";

/**
 * Fixed-window counters in PostgreSQL, shared by every instance of the app (serverless included).
 * One statement per check: insert or bump the bucket, starting a new window when the old one ended.
 */
export async function hit(key: string, windowSeconds: number, now: Date): Promise<{ count: number; resetAt: Date }> {
  const windowEnds = new Date(now.getTime() + windowSeconds * 1000);
  const rows = await db.$queryRaw<{ count: number; window_ends: Date }[]>`
    INSERT INTO rate_limit_buckets (key, count, window_ends) VALUES (${key}, 1, ${windowEnds})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_buckets.window_ends <= ${now} THEN 1 ELSE rate_limit_buckets.count + 1 END,
      window_ends = CASE WHEN rate_limit_buckets.window_ends <= ${now} THEN ${windowEnds} ELSE rate_limit_buckets.window_ends END
    RETURNING count, window_ends`;
  return { count: Number(rows[0].count), resetAt: rows[0].window_ends };
}

/**
 * Per-address limit. Without a known address (no proxy header) it does nothing: one shared "unknown"
 * bucket would let a single client exhaust it for everyone. Per-account or per-target limits still apply.
 */
export async function enforceIpRateLimit(scope: string, ip: string | null | undefined, limit: number, windowSeconds: number, now: Date, message?: string) {
  if (ip) await enforceRateLimit(`${scope}:ip:${ip}`, limit, windowSeconds, now, message);
}

/** Count one request against `key`; refuse with 429 and Retry-After once `limit` is exceeded in the window. */
export async function enforceRateLimit(key: string, limit: number, windowSeconds: number, now: Date, message?: string) {
  const { count, resetAt } = await hit(key, windowSeconds, now);
  if (count > limit) throw new RateLimited((resetAt.getTime() - now.getTime()) / 1000, message);
}
