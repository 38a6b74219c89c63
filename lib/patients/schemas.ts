import { z } from "zod";
import { pageQuery } from "@/lib/api/pagination";
import { e164, isoDate, isoDateTime, jsonObject, optionalText, text, timezone, trimmed, uuid } from "@/lib/validation/common";
import { organizationSettings } from "@/lib/orgs/schemas";

const list = z.array(text().trim().min(1).max(200)).max(50);
const language = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: "Use a language code such as en or es-MX." });
const personalContext = jsonObject(20_000, "personal context");

const dateOfBirth = isoDate.refine(
  (d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return t <= Date.now() && t >= Date.parse("1890-01-01T00:00:00Z");
  },
  { message: "Enter a date of birth in the past." },
);

const fields = {
  first_name: trimmed(100),
  last_name: trimmed(100),
  preferred_name: optionalText(100),
  date_of_birth: dateOfBirth,
  gender: z.enum(["female", "male", "other", "prefer_not_to_say"]).nullable().optional(),
  phone_number: e164.nullable().optional(),
  address: optionalText(500),
  emergency_contact_name: optionalText(100),
  emergency_contact_phone: e164.nullable().optional(),
  medical_conditions: list.optional(),
  medications: list.optional(),
  allergies: list.optional(),
  dietary_restrictions: list.optional(),
  personal_context: personalContext.optional(),
  profile_photo_url: z
    .url({ protocol: /^https?$/, message: "Use an http(s) URL." })
    .max(500)
    .nullable()
    .optional(),
  timezone: timezone.optional(),
  preferred_voice: z.enum(["male", "female", "neutral"]).optional(),
  communication_style: z.enum(["friendly", "formal", "casual"]).optional(),
  language: language.optional(),
  ai_model: optionalText(100),
  ai_system_prompt: optionalText(4000),
  ai_context_window: z.number().int().min(1).max(50).nullable().optional(),
  /** this patient's own inactivity thresholds and waking hours, over the organization's */
  settings: z.strictObject({ inactivity: organizationSettings.shape.inactivity.partial().optional() }).optional(),
};

export const createPatientInput = z.strictObject({
  ...fields,
  /** the organization to create the patient in; default: the caregiver's first organization */
  organization_id: uuid.optional(),
  /** the facility of that organization; default: its default facility (a facility admin's first facility) */
  facility_id: uuid.optional(),
});
export type CreatePatientInput = z.infer<typeof createPatientInput>;

export const updatePatientInput = z.strictObject({
  ...fields,
  first_name: fields.first_name.optional(),
  last_name: fields.last_name.optional(),
  date_of_birth: fields.date_of_birth.optional(),
  is_active: z.boolean().optional(),
});
export type UpdatePatientInput = z.infer<typeof updatePatientInput>;

export const listPatientsQuery = z.strictObject({
  ...pageQuery,
  q: text().trim().max(100).optional(),
  sort: z.enum(["created_at", "updated_at", "name"]).default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
  organization_id: uuid.optional(),
  /** only this facility's patients */
  facility_id: uuid.optional(),
  include_inactive: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});
export type ListPatientsQuery = z.infer<typeof listPatientsQuery>;

export const patientIdParams = z.strictObject({ id: uuid });

export const patientOutput = z.object({
  id: z.uuid(),
  organization_id: z.uuid(),
  facility_id: z.uuid(),
  first_name: z.string(),
  last_name: z.string(),
  preferred_name: z.string().nullable(),
  full_name: z.string(),
  display_name: z.string(),
  date_of_birth: z.string(),
  age: z.number(),
  gender: z.string().nullable(),
  phone_number: z.string().nullable(),
  address: z.string().nullable(),
  emergency_contact_name: z.string().nullable(),
  emergency_contact_phone: z.string().nullable(),
  medical_conditions: z.array(z.string()),
  medications: z.array(z.string()),
  allergies: z.array(z.string()),
  dietary_restrictions: z.array(z.string()),
  personal_context: z.record(z.string(), z.unknown()),
  profile_photo_url: z.string().nullable(),
  timezone: z.string(),
  preferred_voice: z.string(),
  communication_style: z.string(),
  language: z.string(),
  app_version: z.string().nullable(),
  last_heartbeat_at: z.string().nullable(),
  last_active_at: z.string().nullable(),
  ai_model: z.string().nullable(),
  ai_system_prompt: z.string().nullable(),
  ai_context_window: z.number().nullable(),
  settings: z.record(z.string(), z.unknown()),
  monitoring_paused_until: z.string().nullable().meta({ description: "set while inactivity and phone-offline monitoring is paused (null otherwise)" }),
  monitoring_pause_reason: z.string().nullable(),
  is_active: z.boolean(),
  my_standing: z.enum(["primary", "secondary", "viewer"]).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type PatientOutput = z.infer<typeof patientOutput>;

/** The longest a caregiver may pause monitoring at once (a forgotten pause must not last for ever). */
export const MAX_PAUSE_DAYS = 90;
const withoutNul = (s: string | null | undefined) => !s || !s.includes("\u0000");

/**
 * Pause inactivity and phone-offline monitoring (hospital stay, holiday) until an instant, or until the start
 * of a day in the patient's time zone (`YYYY-MM-DD`: monitoring starts again at midnight that day, their time).
 */
export const pauseMonitoringInput = z.strictObject({
  until: z.union([isoDateTime, isoDate], { message: "Give the end of the pause as a date (YYYY-MM-DD) or an ISO 8601 date-time with an offset." }).meta({
    description: `when monitoring starts again: an ISO 8601 instant, or a date meaning midnight at the start of that day in the patient's time zone; in the future, at most ${MAX_PAUSE_DAYS} days ahead`,
  }),
  reason: optionalText(200).refine(withoutNul, { message: "Remove control characters." }),
});
export type PauseMonitoringInput = z.infer<typeof pauseMonitoringInput>;

export const monitoringPauseOutput = z.object({
  paused: z.boolean(),
  until: z.string().nullable(),
  reason: z.string().nullable(),
  paused_at: z.string().nullable(),
  paused_by: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** open inactivity and phone-offline alerts the pause ended */
  ended_alert_ids: z.array(z.uuid()),
});
export type MonitoringPauseOutput = z.infer<typeof monitoringPauseOutput>;
