import { z } from "zod";
import { pageQuery } from "@/lib/api/pagination";
import { csvOf, isoDateTime, text, uuid } from "@/lib/validation/common";

export const REMINDER_STATUSES = ["pending", "completed", "snoozed", "missed", "skipped"] as const;
export const reminderStatus = z.enum(REMINDER_STATUSES);

export const acknowledgeReminderInput = z.strictObject({
  status: z.enum(["completed", "missed", "snoozed"]),
  patient_response: text().trim().max(1000).nullable().optional(),
  notes: text().trim().max(500).nullable().optional(),
  /** snoozed only: minutes until the reminder comes back (default: the organization's snooze length) */
  snooze_minutes: z.number().int().min(1).max(240).optional(),
});
export type AcknowledgeReminderInput = z.infer<typeof acknowledgeReminderInput>;

export const reminderIdParams = z.strictObject({ id: uuid });

export const reminderOutput = z.object({
  id: z.uuid(),
  title: z.string(),
  message: z.string().nullable(),
  type: z.string(),
  due_at: z.string(),
  status: reminderStatus,
  patient_id: z.uuid(),
  schedule_id: z.uuid().nullable(),
  occurrence_at: z.string().nullable(),
  snoozed_until: z.string().nullable(),
  completed_at: z.string().nullable(),
  completed_via: z.string().nullable(),
  missed_at: z.string().nullable(),
  patient_response: z.string().nullable(),
  notes: z.string().nullable(),
  delivery_count: z.number(),
  last_delivered_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const listRemindersQuery = z.strictObject({
  ...pageQuery,
  order: z.enum(["asc", "desc"]).default("asc"),
  status: csvOf(REMINDER_STATUSES).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  schedule_id: uuid.optional(),
  type: z.enum(["medication", "meal", "exercise", "appointment", "hydration", "other"]).optional(),
});
export type ListRemindersQuery = z.infer<typeof listRemindersQuery>;

export const caregiverReminderActionInput = z.strictObject({ note: text().trim().max(500).optional() });
