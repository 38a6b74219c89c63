import "server-only";
import { db } from "@/lib/db/client";
import { RateLimited } from "@/lib/api/errors";

/**
 * Sign-in throttling, per account (by the email typed, whether or not it exists, so the answer reveals
 * nothing) and per IP. Progressive delay after a few failures, then a temporary lock.
 */
export const LOCKOUT = {
  account: { freeFailures: 3, lockAfter: 10, lockMinutes: 15 },
  ip: { freeFailures: 20, lockAfter: 50, lockMinutes: 15 },
} as const;

type Rule = (typeof LOCKOUT)[keyof typeof LOCKOUT];

function lockDurationMs(failures: number, rule: Rule): number {
  if (failures >= rule.lockAfter) return rule.lockMinutes * 60_000;
  if (failures > rule.freeFailures) return Math.min(2 ** (failures - rule.freeFailures - 1), 64) * 1000;
  return 0;
}

export const accountKey = (email: string) => `acct:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

const lockedMessage = (ms: number) =>
  ms >= 60_000
    ? `Too many failed sign-in attempts. Try again in ${Math.ceil(ms / 60_000)} minutes.`
    : `Too many failed sign-in attempts. Wait ${Math.ceil(ms / 1000)} seconds and try again.`;

/** Refuse (429) while either key is locked. */
export async function assertNotLocked(keys: string[], now: Date) {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  if (rows.length === 0) return;
  const until = Math.max(...rows.map((r) => r.lockedUntil!.getTime()));
  throw new RateLimited((until - now.getTime()) / 1000, lockedMessage(until - now.getTime()));
}

/** Failures older than this are forgotten: counting starts again. */
const FORGET_AFTER_MS = 60 * 60_000;

/**
 * Record a failure; returns true when this failure started a temporary lock of the account. Requests whose
 * address is unknown (no proxy header) are throttled per account only: one shared "unknown" bucket would
 * let anyone lock everyone out.
 */
export async function recordFailure(email: string, ip: string | null | undefined, now: Date): Promise<boolean> {
  let accountLocked = false;
  const keys = [[accountKey(email), LOCKOUT.account] as const, ...(ip ? [[ipKey(ip), LOCKOUT.ip] as const] : [])];
  for (const [key, rule] of keys) {
    const prev = await db.loginThrottle.findUnique({ where: { key } });
    const stale = !prev?.lastFailureAt || now.getTime() - prev.lastFailureAt.getTime() > FORGET_AFTER_MS;
    const row = await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1, lastFailureAt: now },
      update: stale ? { failures: 1, lastFailureAt: now, lockedUntil: null } : { failures: { increment: 1 }, lastFailureAt: now },
    });
    const ms = lockDurationMs(row.failures, rule);
    if (ms > 0) {
      await db.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + ms) } });
      if (rule === LOCKOUT.account && row.failures === rule.lockAfter) accountLocked = true;
    }
  }
  return accountLocked;
}

export async function clearAccountFailures(email: string) {
  await db.loginThrottle.deleteMany({ where: { key: accountKey(email) } });
}
