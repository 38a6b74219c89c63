import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Reminder } from "@/lib/db/generated/client";
import { raiseAlert, type RaisedAlert } from "@/lib/alerts/raise-alert";
import { resolveAlertAutomatically } from "@/lib/alerts/resolve-alert-automatically";

/**
 * The reminder instance state machine. Every transition is a conditional update on the current status,
 * so two writers (the phone, the delivery sweep, a caregiver) can never both win:
 *   pending|snoozed -> completed | snoozed | missed | skipped;  missed -> completed (late, resolves the alert)
 * A transition whose precondition no longer holds returns null; callers decide whether that is idempotent
 * (same target) or a conflict.
 */
export type ReminderWithSchedule = Reminder & { schedule: { alertOnMiss: boolean; isCritical: boolean } | null };

export async function completeReminder(
  tx: Tx,
  r: Reminder,
  how: { via: "patient_app" | "voice" | "caregiver"; caregiverId?: string; patientResponse?: string | null; notes?: string | null; note: string },
  now: Date,
) {
  const done = await tx.reminder.updateMany({
    where: { id: r.id, status: { in: ["pending", "snoozed", "missed"] } },
    data: {
      status: "completed",
      completedAt: now,
      completedVia: how.via,
      completedById: how.caregiverId ?? null,
      nextActionAt: null,
      snoozedUntil: null,
      ...(how.patientResponse !== undefined ? { patientResponse: how.patientResponse } : {}),
      ...(how.notes !== undefined ? { notes: how.notes } : {}),
    },
  });
  if (done.count === 0) return null;
  // a dose confirmed after it was marked missed: its alert is resolved with a note
  if (r.status === "missed" && r.alertId) await resolveAlertAutomatically(tx, r.alertId, how.note, now);
  return tx.reminder.findUniqueOrThrow({ where: { id: r.id } });
}

export async function snoozeReminder(tx: Tx, r: Reminder, until: Date, patientResponse: string | null | undefined, now: Date) {
  const done = await tx.reminder.updateMany({
    where: { id: r.id, status: { in: ["pending", "snoozed"] } },
    data: {
      status: "snoozed",
      snoozedUntil: until,
      dueAt: until,
      nextActionAt: until,
      deliveryCount: 0,
      updatedAt: now,
      ...(patientResponse !== undefined ? { patientResponse } : {}),
    },
  });
  return done.count === 0 ? null : tx.reminder.findUniqueOrThrow({ where: { id: r.id } });
}

const MEDICATION_SEVERITY = { normal: "medium", critical: "high" } as const;

/**
 * Mark an instance missed; when its schedule asks for it (default: medications), raise the
 * missed_medication / missed_reminder alert (medium; high for a critical medication) and link it.
 */
export async function missReminder(
  tx: Tx,
  r: ReminderWithSchedule,
  reason: string,
  now: Date,
): Promise<{ reminder: Reminder; alert: RaisedAlert | null } | null> {
  const done = await tx.reminder.updateMany({
    where: { id: r.id, status: { in: ["pending", "snoozed"] } },
    data: { status: "missed", missedAt: now, nextActionAt: null },
  });
  if (done.count === 0) return null;
  let alert: RaisedAlert | null = null;
  if (r.schedule?.alertOnMiss) {
    const patient = await tx.patient.findUniqueOrThrow({
      where: { id: r.patientId },
      select: { firstName: true, lastName: true, preferredName: true, timezone: true },
    });
    const name = `${patient.firstName} ${patient.lastName}`;
    const local = r.dueAt.toLocaleTimeString("en-US", { timeZone: patient.timezone, hour: "numeric", minute: "2-digit" });
    const medication = r.type === "medication";
    alert = await raiseAlert(
      tx,
      {
        patientId: r.patientId,
        type: medication ? "missed_medication" : "missed_reminder",
        severity: medication ? MEDICATION_SEVERITY[r.schedule.isCritical ? "critical" : "normal"] : "medium",
        dedupKey: `reminder:${r.id}`,
        title: `${medication ? "Missed medication" : "Missed reminder"}: ${r.title}`,
        description: `${name} has not confirmed "${r.title}" (due ${local}). ${reason}`,
        recommendedAction: `Call ${patient.preferredName || patient.firstName} to check whether it was done and that they are all right.`,
        source: "reminder_missed",
        evidence: {
          kind: "missed_reminder",
          at: now.toISOString(),
          reminder_id: r.id,
          title: r.title,
          due_at: r.dueAt.toISOString(),
          deliveries: r.deliveryCount,
          reason,
        },
      },
      now,
    );
    await tx.reminder.update({ where: { id: r.id }, data: { alertId: alert.alertId } });
  }
  return { reminder: await tx.reminder.findUniqueOrThrow({ where: { id: r.id } }), alert };
}
