import type { Reminder } from "@/lib/db/generated/client";

/** A reminder instance as the phone and the API show it (`id, title, message, type, due_at, status` first). */
export function presentReminder(r: Reminder) {
  return {
    id: r.id,
    title: r.title,
    message: r.message,
    type: r.type,
    due_at: r.dueAt.toISOString(),
    status: r.status,
    patient_id: r.patientId,
    schedule_id: r.scheduleId,
    occurrence_at: r.occurrenceAt?.toISOString() ?? null,
    snoozed_until: r.snoozedUntil?.toISOString() ?? null,
    completed_at: r.completedAt?.toISOString() ?? null,
    completed_via: r.completedVia,
    missed_at: r.missedAt?.toISOString() ?? null,
    patient_response: r.patientResponse,
    notes: r.notes,
    delivery_count: r.deliveryCount,
    last_delivered_at: r.lastDeliveredAt?.toISOString() ?? null,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}
