import { z } from "zod";
import { caregiverLanguage, e164, email, hhmm, severity, timezone, trimmed } from "@/lib/validation/common";

/** SPEC §2 caregiver preferences: these keys, nothing else. */
export const preferences = z.strictObject({
  notifications: z.strictObject({ email: z.boolean(), sms: z.boolean(), push: z.boolean() }),
  alert_threshold: severity,
  quiet_hours: z.strictObject({ enabled: z.boolean(), start: hhmm, end: hhmm }),
  daily_summary_time: hhmm,
});
export type Preferences = z.infer<typeof preferences>;

export const DEFAULT_PREFERENCES: Preferences = {
  notifications: { email: true, sms: true, push: false },
  alert_threshold: "medium",
  quiet_hours: { enabled: true, start: "22:00", end: "07:00" },
  daily_summary_time: "20:00",
};

/** PATCH body: any subset, merged field by field into what is stored. */
export const preferencesPatch = z.strictObject({
  notifications: preferences.shape.notifications.partial().optional(),
  alert_threshold: severity.optional(),
  quiet_hours: preferences.shape.quiet_hours.partial().optional(),
  daily_summary_time: hhmm.optional(),
});
export type PreferencesPatch = z.infer<typeof preferencesPatch>;

const password = z.string().min(1, { message: "Required." }).max(256);

export const registerInput = z.strictObject({
  email,
  password,
  first_name: trimmed(100),
  last_name: trimmed(100),
  phone_number: e164.nullable().optional(),
  timezone: timezone.optional(),
  /** default: the browser's Accept-Language (en or es), else en */
  language: caregiverLanguage.optional(),
  organization_name: trimmed(200).optional(),
});

export const loginInput = z.strictObject({ email, password });
/** The API login: with two-factor sign-in on, the code from the app (`totp_code`) or one recovery code (`recovery_code`). */
export const apiLoginInput = loginInput
  .extend({
    totp_code: z
      .string()
      .regex(/^\s*\d{6}\s*$/, "Six digits from the authenticator app.")
      .optional(),
    recovery_code: z.string().trim().min(1).max(40).optional(),
  })
  .refine((b) => !(b.totp_code && b.recovery_code), { message: "Send either totp_code or recovery_code, not both.", path: ["recovery_code"] });
export const refreshInput = z.strictObject({ refresh_token: z.string().min(1).max(200) });
export const logoutInput = z.strictObject({ all_sessions: z.boolean().optional() });

export const updateProfileInput = z.strictObject({
  first_name: trimmed(100).optional(),
  last_name: trimmed(100).optional(),
  phone_number: e164.nullable().optional(),
  timezone: timezone.optional(),
  language: caregiverLanguage.optional(),
});

export const changePasswordInput = z.strictObject({ current_password: password, new_password: password });

export const createApiKeyInput = z.strictObject({
  name: trimmed(100),
  scopes: z
    .array(z.enum(["read", "write"]))
    .min(1)
    .max(2)
    .default(["read", "write"]),
  expires_in_days: z.number().int().min(1).max(730).optional(),
});
export const rotateApiKeyInput = z.strictObject({
  overlap_hours: z.number().int().min(0).max(168).default(24),
});

export const caregiverOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  phone_number: z.string().nullable(),
  timezone: z.string(),
  language: caregiverLanguage,
  preferences,
  is_active: z.boolean(),
  created_at: z.string(),
  last_login_at: z.string().nullable(),
  organizations: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(["owner", "admin", "member"]) })),
});
export type CaregiverOutput = z.infer<typeof caregiverOutput>;

export const tokenOutput = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number(),
});

export const apiKeyOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

export const loginOutput = tokenOutput.extend({ caregiver: caregiverOutput });
export const signOutOutput = z.object({ sessions_ended: z.number().int() });
export const changePasswordOutput = z.object({ message: z.string(), other_sessions_ended: z.number().int() });
export const apiKeyListOutput = z.object({ items: z.array(apiKeyOutput) });
export const newApiKeyOutput = apiKeyOutput.extend({ key: z.string().meta({ description: "the secret: shown once, never stored in the clear" }) });
