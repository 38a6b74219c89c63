import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Reminder } from "@/lib/db/generated/client";
import { raiseAlerts, type RaiseAlertInput, type RaisedAlert } from "@/lib/alerts/raise-alert";
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

/** What marking an instance missed reads of it (a claimed row of the delivery sweep, or the whole reminder). */
export type MissableReminder = Pick<Reminder, "id" | "patientId" | "type" | "title" | "dueAt" | "deliveryCount"> & {
  schedule: { alertOnMiss: boolean; isCritical: boolean } | null;
};

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
  const [done] = await missReminders(tx, [{ reminder: r, reason }], now);
  if (!done) return null;
  return { reminder: await tx.reminder.findUniqueOrThrow({ where: { id: r.id } }), alert: done.alert };
}

/**
 * `missReminder` for many instances at once (the delivery sweep's batch, a backlog after an outage): one
 * conditional update marks those still pending or snoozed, one read finds their patients, one bulk raise
 * (`raiseAlerts`) raises their alerts and one update links them. Answers for the instances it marked (one
 * already settled is left out), in the order given.
 */
export async function missReminders(
  tx: Tx,
  items: { reminder: MissableReminder; reason: string }[],
  now: Date,
): Promise<{ reminderId: string; alert: RaisedAlert | null }[]> {
  if (items.length === 0) return [];
  const changed = await tx.$queryRaw<{ id: string }[]>`
    UPDATE reminders SET status = 'missed', missed_at = ${now}, next_action_at = NULL, updated_at = ${now}
    WHERE id = ANY(${items.map((i) => i.reminder.id)}::uuid[]) AND status IN ('pending', 'snoozed')
    RETURNING id`;
  const marked = new Set(changed.map((c) => c.id));
  const done = items.filter((i) => marked.has(i.reminder.id));
  const alerting = done.filter((i) => i.reminder.schedule?.alertOnMiss);
  const patients = new Map(
    alerting.length === 0
      ? []
      : (
          await tx.patient.findMany({
            where: { id: { in: [...new Set(alerting.map((i) => i.reminder.patientId))] } },
            select: { id: true, firstName: true, lastName: true, preferredName: true, timezone: true },
          })
        ).map((p) => [p.id, p]),
  );
  const raised = await raiseAlerts(
    tx,
    alerting.map(({ reminder: r, reason }) => {
      const patient = patients.get(r.patientId);
      if (!patient) throw new Error(`Patient ${r.patientId} of reminder ${r.id} not found`);
      const name = `${patient.firstName} ${patient.lastName}`;
      const local = r.dueAt.toLocaleTimeString("en-US", { timeZone: patient.timezone, hour: "numeric", minute: "2-digit" });
      const medication = r.type === "medication";
      return {
        patientId: r.patientId,
        type: medication ? "missed_medication" : "missed_reminder",
        severity: medication ? MEDICATION_SEVERITY[r.schedule?.isCritical ? "critical" : "normal"] : "medium",
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
      } satisfies RaiseAlertInput;
    }),
    now,
  );
  const alertOf = new Map(alerting.map((i, k) => [i.reminder.id, raised[k]]));
  if (raised.length) {
    await tx.$executeRaw`
      UPDATE reminders r SET alert_id = v.alert_id, updated_at = ${now}
      FROM unnest(${alerting.map((i) => i.reminder.id)}::uuid[], ${raised.map((a) => a.alertId)}::uuid[]) AS v(id, alert_id)
      WHERE r.id = v.id`;
  }
  return done.map((i) => ({ reminderId: i.reminder.id, alert: alertOf.get(i.reminder.id) ?? null }));
}
