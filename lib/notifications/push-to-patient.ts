import "server-only";
import type { Tx } from "@/lib/db/client";
import { logger } from "@/lib/observability/logger";

/**
 * The patient-push part of the notification layer (SPEC §3 data fields). Every attempt is a
 * NotificationAttempt row with a unique key, written before sending, so a retried sweep never pushes twice.
 * Delivery through Firebase comes with the alerts issue (5): until then, and whenever no FCM credentials are
 * configured, an attempt is recorded as `simulated` (a phone without a push token: `skipped`).
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
    for (const tokenId of ids) rows.push({ ...base, key: `${p.key}:${tokenId}`, recipient: tokenId, status: "simulated", error: null });
  }
  const created = await tx.$executeRaw`
    INSERT INTO notification_attempts (id, idempotency_key, patient_id, reminder_id, alert_id, channel, purpose, recipient, status, error, created_at, sent_at)
    SELECT gen_random_uuid(), v.key, v.patient_id, v.reminder_id, v.alert_id, 'push', v.purpose::"NotificationPurpose", v.recipient,
           v.status::"NotificationStatus", v.error, ${now}, CASE WHEN v.status = 'simulated' THEN ${now}::timestamptz END
    FROM unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.patientId)}::uuid[], ${rows.map((r) => r.reminderId)}::uuid[],
                ${rows.map((r) => r.alertId)}::uuid[], ${rows.map((r) => r.purpose)}::text[], ${rows.map((r) => r.recipient)}::text[],
                ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.error)}::text[])
         AS v(key, patient_id, reminder_id, alert_id, purpose, recipient, status, error)
    ON CONFLICT (idempotency_key) DO NOTHING`;
  logger.info({ pushes: pushes.length, attempts: created, purposes: [...new Set(pushes.map((p) => p.purpose))] }, "patient pushes recorded (simulated)");
  return created;
}
