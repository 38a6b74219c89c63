import { z } from "zod";
import { pageQuery } from "@/lib/api/pagination";
import { hhmm, isoDate, optionalText, trimmed, uuid } from "@/lib/validation/common";

export const SCHEDULE_TYPES = ["medication", "meal", "exercise", "appointment", "hydration", "other"] as const;
export const scheduleType = z.enum(SCHEDULE_TYPES);
export const recurrence = z.enum(["daily", "weekly", "interval", "once"]);

const fields = {
  type: scheduleType,
  title: trimmed(200),
  instructions: optionalText(1000),
  medication_name: optionalText(200),
  dosage: optionalText(100),
  recurrence,
  /** ISO weekdays, 1 = Monday ... 7 = Sunday */
  days_of_week: z.array(z.number().int().min(1).max(7)).max(7).optional(),
  interval_days: z.number().int().min(2).max(365).nullable().optional(),
  times_of_day: z.array(hhmm).min(1, { message: "Give at least one time of day." }).max(12),
  start_date: isoDate.optional(),
  end_date: isoDate.nullable().optional(),
  advance_notice_minutes: z.number().int().min(0).max(120).optional(),
  repeat_until_acknowledged: z.boolean().optional(),
  repeat_interval_minutes: z.number().int().min(1).max(120).nullable().optional(),
  max_repeats: z.number().int().min(0).max(10).nullable().optional(),
  missed_after_minutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .nullable()
    .optional(),
  alert_on_miss: z.boolean().optional(),
  is_critical: z.boolean().optional(),
  is_active: z.boolean().optional(),
};

type Draft = {
  type?: string;
  recurrence?: string;
  days_of_week?: number[];
  interval_days?: number | null;
  times_of_day?: string[];
  start_date?: string;
  end_date?: string | null;
  dosage?: string | null;
  medication_name?: string | null;
  repeat_interval_minutes?: number | null;
  max_repeats?: number | null;
  missed_after_minutes?: number | null;
};

/** Rules across fields, checked on the whole schedule (after a PATCH is merged, too). */
export function scheduleProblems(s: Draft): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (s.recurrence === "weekly" && !s.days_of_week?.length) out.push({ field: "days_of_week", message: "Choose the days of the week for a weekly schedule." });
  if (s.recurrence !== "weekly" && s.days_of_week?.length) out.push({ field: "days_of_week", message: "Days of the week only apply to weekly schedules." });
  if (s.recurrence === "interval" && !s.interval_days) out.push({ field: "interval_days", message: "Say every how many days." });
  if (s.recurrence !== "interval" && s.interval_days) out.push({ field: "interval_days", message: "An interval only applies to every-N-days schedules." });
  if (s.recurrence === "once" && s.end_date) out.push({ field: "end_date", message: "A one-time schedule has no end date." });
  if (s.start_date && s.end_date && s.end_date < s.start_date) out.push({ field: "end_date", message: "The end date must be on or after the start date." });
  if (s.times_of_day && new Set(s.times_of_day).size !== s.times_of_day.length) out.push({ field: "times_of_day", message: "Each time of day once." });
  if (s.type && s.type !== "medication" && (s.dosage || s.medication_name))
    out.push({ field: "dosage", message: "Dosage and medication name are for medication schedules." });
  if (s.repeat_interval_minutes && s.max_repeats != null && s.missed_after_minutes && s.repeat_interval_minutes * s.max_repeats >= s.missed_after_minutes) {
    out.push({ field: "missed_after_minutes", message: "Repeats must all happen before the reminder counts as missed." });
  }
  return out;
}

export const createScheduleInput = z.strictObject({ ...fields, recurrence: recurrence.default("daily") }).superRefine((s, ctx) => {
  for (const p of scheduleProblems(s)) ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
});
export type CreateScheduleInput = z.infer<typeof createScheduleInput>;

export const updateScheduleInput = z
  .strictObject(
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, (v as z.ZodType).optional()])) as {
      [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
    },
  )
  // (no defaults here: a field left out of a PATCH stays as it is)
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change." });
export type UpdateScheduleInput = z.infer<typeof updateScheduleInput>;

export const listSchedulesQuery = z.strictObject({
  ...pageQuery,
  active: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  type: scheduleType.optional(),
  sort: z.enum(["created_at", "updated_at", "title"]).default("created_at"),
  order: z.enum(["asc", "desc"]).default("asc"),
});
export type ListSchedulesQuery = z.infer<typeof listSchedulesQuery>;

export const scheduleIdParams = z.strictObject({ id: uuid });

export const scheduleOutput = z.object({
  id: z.uuid(),
  patient_id: z.uuid(),
  type: scheduleType,
  title: z.string(),
  instructions: z.string().nullable(),
  medication_name: z.string().nullable(),
  dosage: z.string().nullable(),
  recurrence,
  days_of_week: z.array(z.number()),
  interval_days: z.number().nullable(),
  times_of_day: z.array(z.string()),
  start_date: z.string(),
  end_date: z.string().nullable(),
  advance_notice_minutes: z.number(),
  repeat_until_acknowledged: z.boolean(),
  repeat_interval_minutes: z.number().nullable(),
  max_repeats: z.number().nullable(),
  missed_after_minutes: z.number().nullable(),
  alert_on_miss: z.boolean(),
  is_critical: z.boolean(),
  is_active: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
