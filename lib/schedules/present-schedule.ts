import type { Schedule } from "@/lib/db/generated/client";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function presentSchedule(s: Schedule) {
  return {
    id: s.id,
    patient_id: s.patientId,
    type: s.type,
    title: s.title,
    instructions: s.instructions,
    medication_name: s.medicationName,
    dosage: s.dosage,
    recurrence: s.recurrence,
    days_of_week: s.daysOfWeek,
    interval_days: s.intervalDays,
    times_of_day: s.timesOfDay,
    start_date: day(s.startDate)!,
    end_date: day(s.endDate),
    advance_notice_minutes: s.advanceNoticeMinutes,
    repeat_until_acknowledged: s.repeatUntilAcknowledged,
    repeat_interval_minutes: s.repeatIntervalMinutes,
    max_repeats: s.maxRepeats,
    missed_after_minutes: s.missedAfterMinutes,
    alert_on_miss: s.alertOnMiss,
    is_critical: s.isCritical,
    is_active: s.isActive,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}
