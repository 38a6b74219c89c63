import "server-only";
import { DateTime } from "luxon";
import { db, type Tx } from "@/lib/db/client";
import { ValidationFailed } from "@/lib/api/errors";
import { assertPatientAccess, requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { openKeyOf } from "@/lib/alerts/raise-alert";
import { PHONE_OFFLINE } from "@/lib/activity/sign-of-life";
import { MAX_PAUSE_DAYS, type MonitoringPauseOutput, type PauseMonitoringInput } from "./schemas";

/**
 * Pausing monitoring (SPEC §5; docs/decisions/014): while a patient is in hospital or away, no inactivity and
 * no phone-offline alerts. The pause ends by itself at `until`; from then silence is counted from the end of
 * the pause, never from the last sign of life before it. Who paused, when, until when and why is kept on the
 * patient and in the audit log.
 */

/** `YYYY-MM-DD` is midnight at the start of that day where the patient lives; anything else is an instant. */
function untilInstant(until: string, timeZone: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(until)) return DateTime.fromISO(until, { zone: timeZone }).startOf("day").toJSDate();
  return new Date(until);
}

async function present(tx: Tx, patientId: string, now: Date, ended: string[] = []): Promise<MonitoringPauseOutput> {
  const p = await tx.patient.findUniqueOrThrow({
    where: { id: patientId },
    select: {
      monitoringPausedUntil: true,
      monitoringPauseReason: true,
      monitoringPausedAt: true,
      monitoringPausedBy: { select: { id: true, firstName: true, lastName: true } },
    },
  });
  const paused = !!p.monitoringPausedUntil && p.monitoringPausedUntil.getTime() > now.getTime();
  return {
    paused,
    until: paused ? p.monitoringPausedUntil!.toISOString() : null,
    reason: paused ? p.monitoringPauseReason : null,
    paused_at: paused ? (p.monitoringPausedAt?.toISOString() ?? null) : null,
    paused_by:
      paused && p.monitoringPausedBy ? { id: p.monitoringPausedBy.id, name: `${p.monitoringPausedBy.firstName} ${p.monitoringPausedBy.lastName}` } : null,
    ended_alert_ids: ended,
  };
}

/**
 * The open inactivity episode and phone-offline alert end when monitoring is paused: the family knows where the
 * patient is, and an alert left open would go on escalating to the next caregiver. Resolved by the caregiver
 * who paused, with a note saying so.
 */
async function endMonitoringAlerts(tx: Tx, patientId: string, caregiverId: string, note: string, now: Date): Promise<string[]> {
  const open = await tx.alert.findMany({
    where: { openKey: { in: [openKeyOf(patientId, "inactivity", "inactivity"), openKeyOf(patientId, "device", PHONE_OFFLINE)] } },
    select: { id: true, status: true },
  });
  const ids = open.map((a) => a.id);
  if (ids.length === 0) return [];
  await tx.alert.updateMany({
    where: { id: { in: ids } },
    data: { status: "resolved", openKey: null, resolvedAt: now, resolvedById: caregiverId, resolutionNote: note, nextEscalationAt: null },
  });
  await tx.alert.updateMany({ where: { id: { in: ids }, acknowledgedAt: null }, data: { acknowledgedAt: now, acknowledgedById: caregiverId } });
  await tx.alert.updateMany({ where: { id: { in: ids }, escalationState: "active" }, data: { escalationState: "acknowledged" } });
  await tx.alertEvent.createMany({
    data: ids.map((alertId) => ({ alertId, kind: "resolved" as const, actorType: "caregiver" as const, actorId: caregiverId, note, createdAt: now })),
  });
  return ids;
}

/** The pause in force for the patient (read access). */
export async function getMonitoringPause(actor: Actor, patientId: string, now: Date): Promise<MonitoringPauseOutput> {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const out = await present(db, patientId, now);
  await recordAudit(db, actor, {
    action: "patient.monitoring_pause_read",
    targetType: "patient",
    targetId: patientId,
    patientId,
    organizationId: access.organizationId,
  });
  return out;
}

/**
 * Pause (or move the end of a pause): write access (viewers 403), `until` in the future and at most
 * MAX_PAUSE_DAYS ahead. Ends the open inactivity and phone-offline alerts. Audited.
 */
export async function pauseMonitoring(actor: Actor, patientId: string, input: PauseMonitoringInput, now: Date): Promise<MonitoringPauseOutput> {
  const me = requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "write");
    const until = untilInstant(input.until, access.timezone);
    if (until.getTime() <= now.getTime()) throw new ValidationFailed([{ field: "until", message: "Choose a time in the future." }]);
    if (until.getTime() > now.getTime() + MAX_PAUSE_DAYS * 86_400_000) {
      throw new ValidationFailed([{ field: "until", message: `Pause for at most ${MAX_PAUSE_DAYS} days; you can pause again later.` }]);
    }
    const reason = input.reason?.trim() || null;
    await tx.patient.update({
      where: { id: patientId },
      data: { monitoringPausedUntil: until, monitoringPauseReason: reason, monitoringPausedById: me.caregiverId, monitoringPausedAt: now },
    });
    const by = await tx.caregiver.findUniqueOrThrow({ where: { id: me.caregiverId }, select: { firstName: true, lastName: true } });
    const note = `${by.firstName} ${by.lastName} paused monitoring until ${until.toISOString()}${reason ? ` (${reason})` : ""}.`;
    const ended = await endMonitoringAlerts(tx, patientId, me.caregiverId, note, now);
    await recordAudit(tx, actor, {
      action: "patient.monitoring_paused",
      targetType: "patient",
      targetId: patientId,
      patientId,
      organizationId: access.organizationId,
      metadata: { until: until.toISOString(), ended_alerts: ended.length },
      at: now,
    });
    return present(tx, patientId, now, ended);
  });
}

/**
 * Resume now: silence is counted from this moment (not from before the pause). Resuming a patient whose
 * monitoring is not paused changes nothing and records nothing.
 */
export async function resumeMonitoring(actor: Actor, patientId: string, now: Date): Promise<MonitoringPauseOutput> {
  requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "write");
    const p = await tx.patient.findUniqueOrThrow({ where: { id: patientId }, select: { monitoringPausedUntil: true } });
    if (!p.monitoringPausedUntil || p.monitoringPausedUntil.getTime() <= now.getTime()) return present(tx, patientId, now);
    await tx.patient.update({
      where: { id: patientId },
      data: { monitoringPausedUntil: now, monitoringPauseReason: null, monitoringPausedById: null, monitoringPausedAt: null },
    });
    await recordAudit(tx, actor, {
      action: "patient.monitoring_resumed",
      targetType: "patient",
      targetId: patientId,
      patientId,
      organizationId: access.organizationId,
      metadata: { paused_until: p.monitoringPausedUntil.toISOString() },
      at: now,
    });
    return present(tx, patientId, now);
  });
}
