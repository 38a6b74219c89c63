import { z } from "zod";
import { email, hhmm, text, trimmed, uuid } from "@/lib/validation/common";

/**
 * Organization settings (SPEC §2): every "configurable per organization" number lives here, with its
 * default. Stored sparse; read through `effectiveSettings`, which fills in the defaults.
 */
export const organizationSettings = z.strictObject({
  pairing: z.strictObject({
    code_ttl_minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
  reminders: z.strictObject({
    repeat_interval_minutes: z.number().int().min(1).max(120),
    repeat_count: z.number().int().min(0).max(10),
    missed_after_minutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    snooze_minutes: z.number().int().min(1).max(240),
  }),
  inactivity: z.strictObject({
    waking_hours_start: hhmm,
    waking_hours_end: hhmm,
    medium_after_hours: z.number().min(0.5).max(24),
    high_after_hours: z.number().min(0.5).max(24),
    critical_after_hours: z.number().min(0.5).max(24),
    check_in_window_minutes: z.number().int().min(1).max(240),
    /** no heartbeat from any of the patient's phones for this many waking hours: a `low` phone-offline alert */
    phone_offline_after_hours: z.number().min(0.5).max(24),
    /** ...and `medium` after this many */
    phone_offline_medium_after_hours: z.number().min(0.5).max(24),
  }),
  escalation: z.strictObject({
    critical_wait_minutes: z.number().int().min(1).max(240),
    high_wait_minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    medium_wait_minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    low_wait_minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
  notifications: z.strictObject({
    non_critical_cap_per_hour: z.number().int().min(1).max(100),
    /** SMS segments a month for the whole organization (SPEC §8); null: no cap */
    monthly_sms_cap: z.number().int().min(1).max(10_000_000).nullable(),
  }),
  invitations: z.strictObject({ expiry_days: z.number().int().min(1).max(30) }),
  ai: z.strictObject({
    provider: z.enum(["anthropic", "offline"]),
    model: z.string().min(1).max(100),
    system_prompt_additions: text().max(4000),
    context_window: z.number().int().min(1).max(50),
  }),
  security: z.strictObject({
    /** "required": members without two-factor sign-in are sent to enrol before anything else */
    two_factor: z.enum(["optional", "required"]),
    /** dashboard sessions end after this long without the caregiver doing anything */
    idle_timeout_minutes: z.number().int().min(1).max(240),
  }),
  retention: z.strictObject({
    activity_days: z.number().int().min(30).max(3650),
    conversation_days: z.number().int().min(30).max(3650),
    audit_days: z.number().int().min(365).max(3650),
    /** resolved alerts, with their evidence (conversation excerpts), timeline and notification attempts */
    alert_days: z.number().int().min(30).max(3650),
    /** settled notification attempts (phone numbers, email addresses, provider ids) */
    notification_days: z.number().int().min(30).max(3650),
    summary_days: z.number().int().min(30).max(3650),
    reminder_days: z.number().int().min(30).max(3650),
    insight_days: z.number().int().min(30).max(3650),
  }),
});
export type OrganizationSettings = z.infer<typeof organizationSettings>;

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  pairing: { code_ttl_minutes: 15 },
  reminders: { repeat_interval_minutes: 10, repeat_count: 2, missed_after_minutes: 30, snooze_minutes: 10 },
  inactivity: {
    waking_hours_start: "08:00",
    waking_hours_end: "20:00",
    medium_after_hours: 4,
    high_after_hours: 6,
    critical_after_hours: 8,
    check_in_window_minutes: 15,
    phone_offline_after_hours: 2,
    phone_offline_medium_after_hours: 6,
  },
  escalation: { critical_wait_minutes: 5, high_wait_minutes: 15, medium_wait_minutes: 60, low_wait_minutes: 240 },
  notifications: { non_critical_cap_per_hour: 3, monthly_sms_cap: null },
  invitations: { expiry_days: 7 },
  ai: { provider: "anthropic", model: "claude-sonnet-4-5", system_prompt_additions: "", context_window: 10 },
  security: { two_factor: "optional", idle_timeout_minutes: 15 },
  retention: {
    activity_days: 365,
    conversation_days: 730,
    audit_days: 2190,
    alert_days: 730,
    notification_days: 180,
    summary_days: 730,
    reminder_days: 365,
    insight_days: 730,
  },
};

/** PATCH body: any section, any subset of its keys; merged into the stored settings. */
const S = organizationSettings.shape;
export const organizationSettingsPatch = z.strictObject({
  pairing: S.pairing.partial().optional(),
  reminders: S.reminders.partial().optional(),
  inactivity: S.inactivity.partial().optional(),
  escalation: S.escalation.partial().optional(),
  notifications: S.notifications.partial().optional(),
  invitations: S.invitations.partial().optional(),
  ai: S.ai.partial().optional(),
  security: S.security.partial().optional(),
  retention: S.retention.partial().optional(),
});
export type OrganizationSettingsPatch = z.infer<typeof organizationSettingsPatch>;

/** Rules across fields, checked on the merged settings. */
export const consistentSettings = organizationSettings.superRefine((s, ctx) => {
  const i = s.inactivity;
  if (!(i.medium_after_hours < i.high_after_hours && i.high_after_hours < i.critical_after_hours)) {
    ctx.addIssue({ code: "custom", path: ["inactivity", "high_after_hours"], message: "Thresholds must rise: medium < high < critical." });
  }
  if (!(i.phone_offline_after_hours < i.phone_offline_medium_after_hours)) {
    ctx.addIssue({ code: "custom", path: ["inactivity", "phone_offline_medium_after_hours"], message: "Phone offline thresholds must rise: low < medium." });
  }
  if (i.waking_hours_start >= i.waking_hours_end) {
    ctx.addIssue({ code: "custom", path: ["inactivity", "waking_hours_end"], message: "Waking hours must end after they start." });
  }
});

export const organizationParams = z.strictObject({ id: uuid });
export const memberParams = z.strictObject({ id: uuid, caregiverId: uuid });
export const orgRole = z.enum(["owner", "admin", "member"]);
/** an admin's facilities: empty (the default) is the whole organization; only admins list facilities */
const facilityIds = z.array(uuid).max(100);
const onlyAdminsListFacilities = (v: { role?: string; facility_ids?: string[] }) => !v.facility_ids?.length || v.role === undefined || v.role === "admin";
const facilitiesMessage = { message: "Only an admin's membership lists facilities.", path: ["facility_ids"] };
export const addMemberInput = z
  .strictObject({ email, role: orgRole.default("member"), facility_ids: facilityIds.default([]) })
  .refine(onlyAdminsListFacilities, facilitiesMessage);
export const updateMemberInput = z
  .strictObject({ role: orgRole.optional(), facility_ids: facilityIds.optional() })
  .refine((v) => v.role !== undefined || v.facility_ids !== undefined, { message: "Send role or facility_ids." })
  .refine(onlyAdminsListFacilities, facilitiesMessage);
export const updateOrganizationInput = z.strictObject({ name: trimmed(200) });
/** a caregiver creates another organization (an agency, a second family), becoming its owner */
export const createOrganizationInput = z.strictObject({ name: trimmed(200) });

export const myOrganizationOutput = z.object({ id: z.uuid(), name: z.string(), role: orgRole, created_at: z.string() });
export const myOrganizationsOutput = z.object({ items: z.array(myOrganizationOutput) });
export const organizationOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  role: orgRole,
  member_count: z.number().int(),
  patient_count: z.number().int(),
  created_at: z.string(),
});
export const memberOutput = z.object({
  caregiver_id: z.uuid(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  role: orgRole,
  /** an admin's facilities: empty means the whole organization (SPEC §1) */
  facility_ids: z.array(z.uuid()),
  /** whether the member signs in with a second factor (owners and admins may reset it) */
  two_factor_enabled: z.boolean(),
  is_active: z.boolean(),
  joined_at: z.string(),
});
export const memberListOutput = z.object({ items: z.array(memberOutput) });
export const facilityParams = z.strictObject({ id: uuid, facilityId: uuid });
export const createFacilityInput = z.strictObject({ name: trimmed(200), address: z.string().trim().max(500).nullable().optional() });
export const updateFacilityInput = z
  .strictObject({
    name: trimmed(200).optional(),
    address: z.string().trim().max(500).nullable().optional(),
    /** true: new patients go here unless told otherwise (the previous default stops being one) */
    is_default: z.literal(true, { message: "Make another facility the default instead." }).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Send name, address or is_default." });
export const facilityOutput = z.object({
  id: z.uuid(),
  organization_id: z.uuid(),
  name: z.string(),
  address: z.string().nullable(),
  is_default: z.boolean(),
  /** null when the caller does not administer this facility (facility admins see only their own counts) */
  patient_count: z.number().int().nullable(),
  created_at: z.string(),
});
export const facilityListOutput = z.object({ items: z.array(facilityOutput) });
/** an owner makes another member owner, and may step down to admin in the same step */
export const transferOwnershipInput = z.strictObject({ caregiver_id: uuid, step_down: z.boolean().default(false) });
/** deleting an organization: its name typed again, as the page asks */
export const deleteOrganizationInput = z.strictObject({ confirm_name: z.string().trim().min(1, "Type the organization's name to confirm.").max(200) });
