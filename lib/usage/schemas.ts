import { z } from "zod";

export const usageQuery = z.strictObject({
  /** the UTC month; the current one when absent */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "Use a month as YYYY-MM, e.g. 2026-11." })
    .optional(),
  format: z.enum(["json", "csv"]).default("json"),
});
export type UsageQuery = z.infer<typeof usageQuery>;

export const USAGE_COLUMNS = [
  "organization_id",
  "month",
  "active_patients",
  "sms_segments",
  "call_minutes",
  "emails",
  "patient_pushes",
  "caregiver_pushes",
  "model_tokens_in",
  "model_tokens_out",
  "monthly_sms_cap",
] as const;

export const usageOutput = z.object({
  organization_id: z.uuid(),
  month: z.string().describe("YYYY-MM, a UTC month"),
  active_patients: z.number().int().describe("patients whose phone was heard from this month"),
  sms_segments: z.number().int(),
  call_minutes: z.number().int().describe("one per placed call, plus the rest of a longer call from Twilio's completed callback"),
  emails: z.number().int(),
  patient_pushes: z.number().int().describe("FCM pushes to patients' phones"),
  caregiver_pushes: z.number().int().describe("Web Push notifications to caregivers' browsers"),
  model_tokens_in: z.number().int(),
  model_tokens_out: z.number().int(),
  monthly_sms_cap: z.number().int().nullable(),
  sms_cap_reached: z.boolean(),
});
export type UsageOutput = z.infer<typeof usageOutput>;
