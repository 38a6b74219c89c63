import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { sendPushes, type PushItem } from "./channels/push";
import { meterPatients, sentByPatient } from "@/lib/usage/meter";
import { claimAttempts, settleAttempts, unexpectedFailure, willRetry, type ClaimedAttempt, type Settlement } from "./claim-attempts";
import { logger } from "@/lib/observability/logger";
import { isUuid } from "@/lib/is-uuid";

/**
 * The patient-push part of the notification layer (SPEC §3 data fields). Every attempt is a
 * NotificationAttempt row with a unique key, written before sending (as `pending`, inside the caller's
 * transaction), so a retried sweep never pushes twice. The message is rendered by the caller (a reminder,
 * a check-in) and stored on the attempt (`payload`); `sendPendingPushes` then sends exactly that through FCM
 * after the transaction commits (`simulated` without credentials; a phone without a token: `skipped`). The
 * sender renders nothing, so it needs nothing from the domains that push.
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

/** What an attempt stores and its sender sends. */
const pushPayload = z.object({ title: z.string(), body: z.string(), data: z.record(z.string(), z.string()) });

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
    payload: string;
  }[] = [];
  for (const p of pushes) {
    const payload = JSON.stringify({ title: p.title, body: p.body, data: p.data } satisfies z.infer<typeof pushPayload>);
    const base = { patientId: p.patientId, reminderId: p.reminderId ?? null, alertId: p.alertId ?? null, purpose: p.purpose, payload };
    const ids = byPatient.get(p.patientId) ?? [];
    if (ids.length === 0)
      rows.push({ ...base, key: `${p.key}:none`, recipient: "no push token", status: "skipped", error: "The phone has not registered a push token." });
    for (const tokenId of ids) rows.push({ ...base, key: `${p.key}:${tokenId}`, recipient: tokenId, status: "pending", error: null });
  }
  const created = await tx.$executeRaw`
    INSERT INTO notification_attempts (id, idempotency_key, patient_id, reminder_id, alert_id, channel, purpose, recipient, status, error, payload, created_at, sent_at)
    SELECT gen_random_uuid(), v.key, v.patient_id, v.reminder_id, v.alert_id, 'push', v.purpose::"NotificationPurpose", v.recipient,
           v.status::"NotificationStatus", v.error, v.payload::jsonb, ${now}, NULL
    FROM unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.patientId)}::uuid[], ${rows.map((r) => r.reminderId)}::uuid[],
                ${rows.map((r) => r.alertId)}::uuid[], ${rows.map((r) => r.purpose)}::text[], ${rows.map((r) => r.recipient)}::text[],
                ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.error)}::text[], ${rows.map((r) => r.payload)}::text[])
         AS v(key, patient_id, reminder_id, alert_id, purpose, recipient, status, error, payload)
    ON CONFLICT (idempotency_key) DO NOTHING`;
  logger.info({ pushes: pushes.length, attempts: created, purposes: [...new Set(pushes.map((p) => p.purpose))] }, "patient pushes recorded");
  return created;
}

/**
 * Why a claimed push should no longer go out, by attempt id: its reminder was answered, snoozed or deleted, or
 * its check-in's alert ended, since it was recorded. Two small reads for the whole batch.
 */
async function outdated(claimed: ClaimedAttempt[]): Promise<Map<string, string>> {
  const reminderIds = [...new Set(claimed.flatMap((c) => (c.purpose === "reminder" && c.reminder_id ? [c.reminder_id] : [])))];
  const alertIds = [...new Set(claimed.flatMap((c) => (c.purpose === "check_in" && c.alert_id ? [c.alert_id] : [])))];
  const [reminders, alerts] = await Promise.all([
    reminderIds.length ? db.reminder.findMany({ where: { id: { in: reminderIds } }, select: { id: true, status: true } }) : [],
    alertIds.length ? db.alert.findMany({ where: { id: { in: alertIds } }, select: { id: true, status: true } }) : [],
  ]);
  const reminderStatus = new Map(reminders.map((r) => [r.id, r.status]));
  const alertStatus = new Map(alerts.map((a) => [a.id, a.status]));
  const why = new Map<string, string>();
  for (const c of claimed) {
    if (c.purpose === "reminder") {
      const status = c.reminder_id ? reminderStatus.get(c.reminder_id) : undefined;
      if (!status) why.set(c.id, "The reminder was deleted before this push went out.");
      else if (status !== "pending") why.set(c.id, `The reminder was ${status} before this push went out.`);
    } else if (c.purpose === "check_in" && c.alert_id) {
      const status = alertStatus.get(c.alert_id);
      if (status && status !== "open") why.set(c.id, `The alert was ${status} before this check-in went out.`);
    }
  }
  return why;
}

/**
 * Send due patient pushes through FCM: claimed first (`sending`, under a lease, so two senders never push
 * the same one), sent in batches with sendEach, every outcome settled (sent, failed with FCM's error, or
 * pending again for a later try: docs/decisions/016); tokens FCM reports dead are deleted. One row that
 * cannot be sent never stops the others.
 */
export async function sendPendingPushes(now: Date, opts: { limit?: number; patientId?: string } = {}) {
  const claimed = await claimAttempts(now, { channels: ["push"], limit: opts.limit ?? 2_000, patientId: opts.patientId });
  const tally = { claimed: claimed.length, sent: 0, simulated: 0, failed: 0, skipped: 0, retrying: 0, deadTokens: 0 };
  if (claimed.length === 0) return tally;
  const settled = new Map<string, Settlement>();
  const ready: { attempt: ClaimedAttempt; tokenId: string; item: PushItem }[] = [];
  try {
    const tokenIds = claimed.map((c) => c.recipient).filter((r) => isUuid(r));
    const tokens = new Map((await db.pushToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, token: true } })).map((t) => [t.id, t.token]));
    const skip = await outdated(claimed);
    for (const c of claimed) {
      const msg = pushPayload.safeParse(c.payload);
      const token = tokens.get(c.recipient);
      const skipped = skip.get(c.id);
      if (skipped) settled.set(c.id, { status: "skipped", error: skipped });
      else if (!token) settled.set(c.id, { status: "failed", error: "The push token was removed.", permanent: true });
      // a message that was not stored whole is never guessed at, and trying again would find the same
      else if (!msg.success) settled.set(c.id, { status: "failed", error: "Nothing to send.", permanent: true });
      else ready.push({ attempt: c, tokenId: c.recipient, item: { token, ...msg.data, highPriority: msg.data.data.priority === "high" } });
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
  await meterPatients("patient_pushes", sentByPatient(claimed.map((c) => ({ patientId: c.patient_id, status: settled.get(c.id)!.status }))), now);
  for (const c of claimed) {
    const o = settled.get(c.id)!;
    if (willRetry(o, c.attempt_count, now)) tally.retrying++;
    else tally[o.status]++;
  }
  return tally;
}
