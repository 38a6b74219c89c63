import "server-only";
import { db } from "@/lib/db/client";
import type { NotificationChannel, NotificationPurpose } from "@/lib/db/generated/client";
import { logger } from "@/lib/observability/logger";

/**
 * How every sender takes notification attempts (docs/decisions/016-claimed-attempts-never-read-sent.md):
 *
 *   pending (due) --claim--> sending (under a lease) --settle--> sent | simulated | skipped | failed
 *                                  |                     \--> pending again, later (a retry with backoff)
 *                                  \--lease runs out (the sender died)--> pending again (or failed at the last try)
 *
 * A claim is a conditional update (two senders never take the same row) that counts the attempt; nothing
 * reads `sent` until the provider has taken the message. Rows held for a digest go `held` -> `sending` and
 * back to `held` the same way.
 */
export const MAX_ATTEMPTS = 4;
/** a claim longer than any send takes (provider calls time out well before it) */
export const LEASE_MS = 5 * 60_000;
/** the wait after the 1st, 2nd and 3rd failed try */
const BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000];

/** When a try that failed may be made again, or null when it was the last. */
export function retryAt(attemptCount: number, now: Date): Date | null {
  if (attemptCount >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + BACKOFF_MS[Math.min(attemptCount, BACKOFF_MS.length) - 1]);
}

export interface ClaimedAttempt {
  id: string;
  channel: NotificationChannel;
  purpose: NotificationPurpose;
  recipient: string;
  patient_id: string | null;
  caregiver_id: string | null;
  alert_id: string | null;
  reminder_id: string | null;
  summary_id: string | null;
  attempt_count: number;
  /** what a patient push says, rendered when it was recorded (null on the other channels) */
  payload: unknown;
}

/** Would this outcome of this try be tried again? */
export const willRetry = (outcome: Settlement, attemptCount: number, now: Date) =>
  outcome.status === "failed" && !outcome.permanent && retryAt(attemptCount, now) !== null;

/** What became of one claimed attempt. `failed` is tried again unless `permanent` or out of tries. */
export type Settlement =
  | { status: "sent" | "simulated"; providerId?: string | null }
  | { status: "skipped"; error: string }
  | { status: "failed"; error: string; permanent?: boolean };

/**
 * Claim due pending attempts of these channels (optionally of one alert): `sending`, counted, leased.
 * Expired claims of senders that died are returned first.
 */
export interface ClaimFilter {
  alertId?: string;
  caregiverId?: string;
  patientId?: string;
  attemptIds?: string[];
}

export async function claimAttempts(now: Date, opts: ClaimFilter & { channels: NotificationChannel[]; limit?: number }): Promise<ClaimedAttempt[]> {
  await releaseExpiredLeases(now);
  const lease = new Date(now.getTime() + LEASE_MS);
  return db.$queryRaw<ClaimedAttempt[]>`
    UPDATE notification_attempts SET status = 'sending', attempt_count = attempt_count + 1, lease_expires_at = ${lease}, status_updated_at = ${now}
    WHERE id IN (
      SELECT id FROM notification_attempts
      WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now})
        AND channel::text = ANY(${opts.channels}::text[])
        AND (${opts.alertId ?? null}::uuid IS NULL OR alert_id = ${opts.alertId ?? null}::uuid)
        AND (${opts.attemptIds ?? null}::uuid[] IS NULL OR id = ANY(${opts.attemptIds ?? null}::uuid[]))
        AND (${opts.caregiverId ?? null}::uuid IS NULL OR caregiver_id = ${opts.caregiverId ?? null}::uuid)
        AND (${opts.patientId ?? null}::uuid IS NULL OR patient_id = ${opts.patientId ?? null}::uuid)
      ORDER BY created_at LIMIT ${opts.limit ?? 500}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, channel, purpose, recipient, patient_id, caregiver_id, alert_id, reminder_id, summary_id, attempt_count, payload`;
}

/** Claim these held rows for a digest (only those still held); returns the ids claimed. */
export async function claimHeld(ids: string[], now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const lease = new Date(now.getTime() + LEASE_MS);
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE notification_attempts SET status = 'sending', attempt_count = attempt_count + 1, lease_expires_at = ${lease}, status_updated_at = ${now}
    WHERE id = ANY(${ids}::uuid[]) AND status = 'held'
    RETURNING id`;
  return rows.map((r) => r.id);
}

/**
 * Record what happened to claimed attempts, in one statement. A retryable failure goes back to `pending`
 * (or `held`, for a digest) with the next try's time and the error; the last try, or a permanent failure,
 * is `failed` with its error. Only rows still under this claim are touched.
 */
export async function settleAttempts(items: { id: string; attemptCount: number; outcome: Settlement }[], now: Date) {
  if (items.length === 0) return;
  const rows = items.map(({ id, attemptCount, outcome }) => {
    if (outcome.status === "failed") {
      const next = outcome.permanent ? null : retryAt(attemptCount, now);
      return { id, status: next ? "retry" : "failed", providerId: null, error: outcome.error.slice(0, 1000), next };
    }
    if (outcome.status === "skipped") return { id, status: "skipped", providerId: null, error: outcome.error.slice(0, 1000), next: null };
    return { id, status: outcome.status, providerId: outcome.providerId ?? null, error: null, next: null };
  });
  await db.$executeRaw`
    UPDATE notification_attempts n SET
      status = (CASE WHEN v.status <> 'retry' THEN v.status WHEN n.held_until IS NOT NULL THEN 'held' ELSE 'pending' END)::"NotificationStatus",
      next_attempt_at = CASE WHEN v.status = 'retry' AND n.held_until IS NULL THEN v.next END,
      held_until = CASE WHEN v.status = 'retry' AND n.held_until IS NOT NULL THEN v.next ELSE n.held_until END,
      provider_id = COALESCE(v.provider_id, n.provider_id),
      error = v.error,
      sent_at = CASE WHEN v.status IN ('sent', 'simulated') THEN ${now}::timestamptz ELSE n.sent_at END,
      lease_expires_at = NULL,
      status_updated_at = ${now}
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.providerId)}::text[],
                ${rows.map((r) => r.error)}::text[], ${rows.map((r) => r.next)}::timestamptz[], ${items.map((i) => i.attemptCount)}::int[])
         AS v(id, status, provider_id, error, next, attempt_count)
    -- still our claim: a sender whose lease ran out and was replaced does not overwrite the newer try
    WHERE n.id = v.id AND n.status = 'sending' AND n.attempt_count = v.attempt_count`;
}

/** Hand claimed rows back untried (the sender ran short of its lease): due again at once, the try not counted. */
export async function releaseClaims(items: { id: string; attemptCount: number }[], now: Date) {
  if (items.length === 0) return;
  await db.$executeRaw`
    UPDATE notification_attempts n SET
      status = (CASE WHEN n.held_until IS NOT NULL THEN 'held' ELSE 'pending' END)::"NotificationStatus",
      attempt_count = n.attempt_count - 1, lease_expires_at = NULL, status_updated_at = ${now}
    FROM unnest(${items.map((i) => i.id)}::uuid[], ${items.map((i) => i.attemptCount)}::int[]) AS v(id, attempt_count)
    WHERE n.id = v.id AND n.status = 'sending' AND n.attempt_count = v.attempt_count`;
}

/**
 * A sender that died between claim and settle (process killed, timeout) leaves rows `sending`; once the
 * lease runs out they are due again (held ones go back to the digest), or failed when it was the last try.
 * Whether the provider took the message is unknown then: sending again risks a duplicate, which we prefer
 * to a message that silently never went.
 */
export async function releaseExpiredLeases(now: Date): Promise<number> {
  const n = await db.$executeRaw`
    UPDATE notification_attempts SET
      status = (CASE WHEN attempt_count >= ${MAX_ATTEMPTS} THEN 'failed' WHEN held_until IS NOT NULL THEN 'held' ELSE 'pending' END)::"NotificationStatus",
      next_attempt_at = CASE WHEN attempt_count < ${MAX_ATTEMPTS} AND held_until IS NULL THEN ${now}::timestamptz END,
      held_until = CASE WHEN held_until IS NOT NULL THEN ${now}::timestamptz END,
      error = CASE WHEN attempt_count >= ${MAX_ATTEMPTS} THEN 'The sender stopped before it could confirm the send, on the last try.'
                   ELSE 'The sender stopped before it could confirm the send; trying again.' END,
      lease_expires_at = NULL,
      status_updated_at = ${now}
    WHERE status = 'sending' AND lease_expires_at <= ${now}`;
  if (n > 0) logger.warn({ attempts: n }, "notification claims expired; returned for another try");
  return n;
}

/** The error text stored for an exception thrown while preparing or sending one attempt (no PHI: the log has the rest). */
export function unexpectedFailure(err: unknown, attemptId: string): Settlement {
  logger.error({ err, attemptId }, "notification attempt failed unexpectedly");
  return { status: "failed", error: "Elda could not prepare or send this message (an internal error); it will be tried again." };
}
