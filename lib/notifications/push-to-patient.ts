import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { sendPushes, type PushItem } from "./channels/push";
import { claimAttempts, settleAttempts, unexpectedFailure, willRetry, type ClaimedAttempt, type Settlement } from "./claim-attempts";
import { logger } from "@/lib/observability/logger";

/**
 * The patient-push part of the notification layer (SPEC §3 data fields). Every attempt is a
 * NotificationAttempt row with a unique key, written before sending (as `pending`, inside the caller's
 * transaction), so a retried sweep never pushes twice; `sendPendingPushes` then sends them through FCM
 * after the transaction commits (`simulated` without credentials; a phone without a token: `skipped`).
 */
export interface PatientPush {
  patientId: string;
  purpose: "reminder" | "check_in";
  /** unique per logical message, e.g. "reminder:<id>:push:2" */
  key: string;
  reminderId?: string;
  alertId?: string;
  title: string;
  body: string;
  /** FCM data: string values only */
  data: Record<string, string>;
}

export async function pushToPatients(tx: Tx, pushes: PatientPush[], now: Date): Promise<number> {
  if (pushes.length === 0) return 0;
  const patientIds = [...new Set(pushes.map((p) => p.patientId))];
  // set-based on both ends: one read of the tokens, one insert of every attempt (the sweeps push thousands)
  const tokens = await tx.$queryRaw<{ id: string; patient_id: string }[]>`
    SELECT t.id, d.patient_id FROM push_tokens t JOIN patient_devices d ON d.id = t.device_id
    WHERE d.patient_id = ANY(${patientIds}::uuid[]) AND d.revoked_at IS NULL`;
  const byPatient = new Map<string, string[]>();
  for (const t of tokens) byPatient.set(t.patient_id, [...(byPatient.get(t.patient_id) ?? []), t.id]);
  const rows: {
    key: string;
    patientId: string;
    reminderId: string | null;
    alertId: string | null;
    purpose: string;
    recipient: string;
    status: string;
    error: string | null;
  }[] = [];
  for (const p of pushes) {
    const base = { patientId: p.patientId, reminderId: p.reminderId ?? null, alertId: p.alertId ?? null, purpose: p.purpose };
    const ids = byPatient.get(p.patientId) ?? [];
    if (ids.length === 0)
      rows.push({ ...base, key: `${p.key}:none`, recipient: "no push token", status: "skipped", error: "The phone has not registered a push token." });
    for (const tokenId of ids) rows.push({ ...base, key: `${p.key}:${tokenId}`, recipient: tokenId, status: "pending", error: null });
  }
  const created = await tx.$executeRaw`
    INSERT INTO notification_attempts (id, idempotency_key, patient_id, reminder_id, alert_id, channel, purpose, recipient, status, error, created_at, sent_at)
    SELECT gen_random_uuid(), v.key, v.patient_id, v.reminder_id, v.alert_id, 'push', v.purpose::"NotificationPurpose", v.recipient,
           v.status::"NotificationStatus", v.error, ${now}, NULL
    FROM unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.patientId)}::uuid[], ${rows.map((r) => r.reminderId)}::uuid[],
                ${rows.map((r) => r.alertId)}::uuid[], ${rows.map((r) => r.purpose)}::text[], ${rows.map((r) => r.recipient)}::text[],
                ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.error)}::text[])
         AS v(key, patient_id, reminder_id, alert_id, purpose, recipient, status, error)
    ON CONFLICT (idempotency_key) DO NOTHING`;
  logger.info({ pushes: pushes.length, attempts: created, purposes: [...new Set(pushes.map((p) => p.purpose))] }, "patient pushes recorded");
  return created;
}

/** What a pending push says, rendered from the reminder or the check-in's alert as they are now. */
async function renderPush(a: ClaimedAttempt, now: Date): Promise<PatientPush | { skip: string } | null> {
  if (a.purpose === "reminder" && a.reminder_id) {
    const r = await db.reminder.findUnique({ where: { id: a.reminder_id }, select: { status: true } });
    if (r && r.status !== "pending") return { skip: `The reminder was ${r.status} before this push went out.` };
    const { reminderPushFor } = await import("@/lib/reminders/deliver-reminders");
    return reminderPushFor(a.reminder_id);
  }
  if (a.purpose === "check_in" && a.alert_id && a.patient_id) {
    const alert = await db.alert.findUnique({ where: { id: a.alert_id }, select: { status: true } });
    if (alert && alert.status !== "open") return { skip: `The alert was ${alert.status} before this check-in went out.` };
    const { checkInPush } = await import("@/lib/inactivity/check-in-push");
    return checkInPush(db, a.patient_id, a.alert_id, now);
  }
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Send due patient pushes through FCM: claimed first (`sending`, under a lease, so two senders never push
 * the same one), sent in batches with sendEach, every outcome settled (sent, failed with FCM's error, or
 * pending again for a later try: docs/decisions/016); tokens FCM reports dead are deleted. One row that
 * cannot be prepared never stops the others.
 */
export async function sendPendingPushes(now: Date, opts: { limit?: number; patientId?: string } = {}) {
  const claimed = await claimAttempts(now, { channels: ["push"], limit: opts.limit ?? 2_000, patientId: opts.patientId });
  const tally = { claimed: claimed.length, sent: 0, simulated: 0, failed: 0, skipped: 0, retrying: 0, deadTokens: 0 };
  if (claimed.length === 0) return tally;
  const settled = new Map<string, Settlement>();
  const ready: { attempt: ClaimedAttempt; tokenId: string; item: PushItem }[] = [];
  try {
    const tokenIds = claimed.map((c) => c.recipient).filter((r) => UUID.test(r));
    const tokens = new Map((await db.pushToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, token: true } })).map((t) => [t.id, t.token]));
    const cache = new Map<string, Awaited<ReturnType<typeof renderPush>>>();
    for (const c of claimed) {
      try {
        const key = `${c.purpose}:${c.reminder_id ?? c.alert_id ?? c.patient_id}`;
        if (!cache.has(key)) cache.set(key, await renderPush(c, now));
        const msg = cache.get(key);
        const token = tokens.get(c.recipient);
        if (!token) settled.set(c.id, { status: "failed", error: "The push token was removed.", permanent: true });
        else if (!msg) settled.set(c.id, { status: "failed", error: "Nothing to send.", permanent: true });
        else if ("skip" in msg) settled.set(c.id, { status: "skipped", error: msg.skip });
        else
          ready.push({
            attempt: c,
            tokenId: c.recipient,
            item: { token, title: msg.title, body: msg.body, data: msg.data, highPriority: msg.data.priority === "high" },
          });
      } catch (err) {
        settled.set(c.id, unexpectedFailure(err, c.id));
      }
    }
    const results = await sendPushes(ready.map((r) => r.item));
    const dead: string[] = [];
    for (const [i, r] of results.entries()) {
      settled.set(
        ready[i].attempt.id,
        r.status === "failed"
          ? { status: "failed", error: r.error ?? "FCM refused the push.", permanent: r.permanent }
          : { status: r.status, providerId: r.providerId },
      );
      if (r.unregistered) dead.push(ready[i].tokenId);
    }
    if (dead.length) tally.deadTokens = (await db.pushToken.deleteMany({ where: { id: { in: [...new Set(dead)] } } })).count;
  } catch (err) {
    // whatever was not settled yet goes back for another try rather than waiting for its lease to run out
    for (const c of claimed) if (!settled.has(c.id)) settled.set(c.id, unexpectedFailure(err, c.id));
  }
  // every outcome in one statement
  await settleAttempts(
    claimed.map((c) => ({ id: c.id, attemptCount: c.attempt_count, outcome: settled.get(c.id)! })),
    now,
  );
  for (const c of claimed) {
    const o = settled.get(c.id)!;
    if (willRetry(o, c.attempt_count, now)) tally.retrying++;
    else tally[o.status]++;
  }
  return tally;
}
