import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { sendPushes, type PushItem } from "./channels/push";
import { logger } from "@/lib/observability/logger";
import { describeFailure } from "@/lib/jobs/describe-failure";

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
  const rows: { key: string; patientId: string; reminderId: string | null; alertId: string | null; purpose: string; recipient: string; status: string; error: string | null }[] = [];
  for (const p of pushes) {
    const base = { patientId: p.patientId, reminderId: p.reminderId ?? null, alertId: p.alertId ?? null, purpose: p.purpose };
    const ids = byPatient.get(p.patientId) ?? [];
    if (ids.length === 0) rows.push({ ...base, key: `${p.key}:none`, recipient: "no push token", status: "skipped", error: "The phone has not registered a push token." });
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
async function renderPush(a: { purpose: string; reminder_id: string | null; alert_id: string | null; patient_id: string }, now: Date) {
  if (a.purpose === "reminder" && a.reminder_id) {
    const { reminderPushFor } = await import("@/lib/reminders/deliver-reminders");
    return reminderPushFor(a.reminder_id);
  }
  if (a.purpose === "check_in" && a.alert_id) {
    const { checkInPush } = await import("@/lib/inactivity/check-in-push");
    return checkInPush(db, a.patient_id, a.alert_id, now);
  }
  return null;
}

/**
 * Send pending patient pushes through FCM: claimed first (a conditional update, so two senders never
 * push the same one), sent in batches with sendEach, outcomes stored; tokens FCM reports dead are deleted.
 */
export async function sendPendingPushes(now: Date, limit = 2_000) {
  const claimed = await db.$queryRaw<{ id: string; purpose: string; recipient: string; reminder_id: string | null; alert_id: string | null; patient_id: string }[]>`
    UPDATE notification_attempts SET status = 'sent', sent_at = ${now}, status_updated_at = ${now}
    WHERE id IN (SELECT id FROM notification_attempts WHERE status = 'pending' AND channel = 'push' ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, purpose, recipient, reminder_id, alert_id, patient_id`;
  if (claimed.length === 0) return { claimed: 0, sent: 0, simulated: 0, failed: 0, deadTokens: 0 };
  const tokens = new Map((await db.pushToken.findMany({ where: { id: { in: claimed.map((c) => c.recipient) } }, select: { id: true, token: true } })).map((t) => [t.id, t.token]));
  const ready: { attemptId: string; tokenId: string; item: PushItem }[] = [];
  const cache = new Map<string, Awaited<ReturnType<typeof renderPush>>>();
  const unrenderable = new Map<string, string>();
  for (const c of claimed) {
    const key = `${c.purpose}:${c.reminder_id ?? c.alert_id ?? c.patient_id}`;
    // one push that cannot be rendered (a patient's bad data) fails alone: the rest of the claim still goes out
    if (!cache.has(key)) {
      try {
        cache.set(key, await renderPush(c, now));
      } catch (err) {
        cache.set(key, null);
        unrenderable.set(key, `Could not be rendered: ${describeFailure(err).message}`.slice(0, 1000));
        logger.warn({ attemptId: c.id, patientId: c.patient_id, errorClass: describeFailure(err).errorClass }, "patient push could not be rendered; marked failed");
      }
    }
    const msg = cache.get(key);
    const token = tokens.get(c.recipient);
    if (!msg || !token) {
      await db.notificationAttempt.update({ where: { id: c.id }, data: { status: "failed", error: unrenderable.get(key) ?? (token ? "Nothing to send." : "The push token was removed.") } });
      continue;
    }
    ready.push({ attemptId: c.id, tokenId: c.recipient, item: { token, title: msg.title, body: msg.body, data: msg.data, highPriority: msg.data.priority === "high" } });
  }
  const results = await sendPushes(ready.map((r) => r.item));
  const tally = { claimed: claimed.length, sent: 0, simulated: 0, failed: 0, deadTokens: 0 };
  const dead: string[] = [];
  for (const [i, r] of results.entries()) {
    tally[r.status]++;
    if (r.unregistered) dead.push(ready[i].tokenId);
  }
  // every outcome in one statement
  await db.$executeRaw`
    UPDATE notification_attempts n SET status = v.status::"NotificationStatus", provider_id = v.provider_id, error = v.error
    FROM unnest(${ready.map((r) => r.attemptId)}::uuid[], ${results.map((r) => r.status)}::text[],
                ${results.map((r) => r.providerId ?? null)}::text[], ${results.map((r) => r.error ?? null)}::text[]) AS v(id, status, provider_id, error)
    WHERE n.id = v.id`;
  if (dead.length) {
    tally.deadTokens = (await db.pushToken.deleteMany({ where: { id: { in: [...new Set(dead)] } } })).count;
  }
  return tally;
}
