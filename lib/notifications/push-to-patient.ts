import "server-only";
import type { Prisma, Tx } from "@/lib/db/client";
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
  const tokens = await tx.pushToken.findMany({
    where: { device: { patientId: { in: patientIds }, revokedAt: null } },
    select: { id: true, device: { select: { patientId: true } } },
  });
  const byPatient = new Map<string, string[]>();
  for (const t of tokens) byPatient.set(t.device.patientId, [...(byPatient.get(t.device.patientId) ?? []), t.id]);
  const rows = pushes.flatMap((p): Prisma.NotificationAttemptCreateManyInput[] => {
    const base = { patientId: p.patientId, reminderId: p.reminderId ?? null, alertId: p.alertId ?? null, channel: "push" as const, purpose: p.purpose, createdAt: now };
    const ids = byPatient.get(p.patientId) ?? [];
    if (ids.length === 0) return [{ ...base, idempotencyKey: `${p.key}:none`, recipient: "no push token", status: "skipped" as const, error: "The phone has not registered a push token." }];
    return ids.map((tokenId) => ({ ...base, idempotencyKey: `${p.key}:${tokenId}`, recipient: tokenId, status: "simulated" as const, sentAt: now }));
  });
  const created = await tx.notificationAttempt.createMany({ data: rows, skipDuplicates: true });
  logger.info({ pushes: pushes.length, attempts: created.count, purposes: [...new Set(pushes.map((p) => p.purpose))] }, "patient pushes recorded (simulated)");
  return created.count;
}
