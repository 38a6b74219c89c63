import "server-only";
import { db } from "@/lib/db/client";
import { Conflict, NotFound } from "@/lib/api/errors";
import type { DeviceActor } from "@/lib/auth/actor";
import { organizationSettingsFor } from "@/lib/orgs/settings";
import { recordSignOfLife } from "@/lib/activity/sign-of-life";
import { emit } from "@/lib/jobs/emit";
import { completeReminder, missReminder, snoozeReminder } from "./reminder-transitions";
import { presentReminder } from "./present-reminder";
import type { AcknowledgeReminderInput } from "./schemas";

/**
 * The phone acknowledges a reminder: completed, snoozed (comes back after the snooze) or missed.
 * Idempotent (the same answer twice changes nothing); another patient's reminder is 404. Counts as a
 * sign of life and is logged as activity.
 */
export async function acknowledgeReminder(actor: DeviceActor, reminderId: string, input: AcknowledgeReminderInput, now: Date) {
  const { reminder, event } = await db.$transaction(async (tx) => {
    const r = await tx.reminder.findUnique({ where: { id: reminderId }, include: { schedule: { select: { alertOnMiss: true, isCritical: true } } } });
    if (!r || r.patientId !== actor.patientId) throw new NotFound("Reminder");
    if (r.status === input.status && input.status !== "snoozed") return { reminder: r, event: null };
    let updated = null;
    let event = null;
    if (input.status === "completed") {
      updated = await completeReminder(
        tx,
        r,
        { via: "patient_app", patientResponse: input.patient_response, notes: input.notes, note: `Confirmed done on the phone at ${now.toISOString()}.` },
        now,
      );
    } else if (input.status === "snoozed") {
      const patient = await tx.patient.findUniqueOrThrow({ where: { id: r.patientId }, select: { organizationId: true } });
      const minutes = input.snooze_minutes ?? (await organizationSettingsFor(tx, patient.organizationId)).reminders.snooze_minutes;
      updated = await snoozeReminder(tx, r, new Date(now.getTime() + minutes * 60_000), input.patient_response, now);
    } else {
      const missed = await missReminder(tx, r, "The patient said on the phone that it was missed.", now);
      updated = missed?.reminder ?? null;
      event = missed?.alert?.event ?? null;
    }
    if (!updated) throw new Conflict(`This reminder is already ${r.status}.`, "reminder_settled");
    await tx.activityLog.create({
      data: {
        patientId: r.patientId,
        deviceId: actor.deviceId,
        activityType: "reminder_response",
        details: { reminder_id: r.id, status: input.status },
        occurredAt: now,
      },
    });
    await recordSignOfLife(tx, r.patientId, now, "reminder_response");
    return { reminder: updated, event };
  });
  if (event) await emit(event);
  return presentReminder(reminder);
}
