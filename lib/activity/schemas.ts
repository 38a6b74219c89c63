import { z } from "zod";
import { pageQuery } from "@/lib/api/pagination";
import { csvOf, freeFormLimits, inYears, isoDateTime, optionalText, text, yearsMessage } from "@/lib/validation/common";

/** What the phone app may report in a heartbeat (SPEC §3). */
export const APP_ACTIVITY_TYPES = [
  "heartbeat",
  "app_open",
  "app_close",
  "emergency",
  "reminder_response",
  "conversation",
  "location_update",
  "battery_update",
] as const;
/** Every kind of activity row: the app's, plus a caregiver recording that they spoke to the patient. */
export const ACTIVITY_TYPES = [...APP_ACTIVITY_TYPES, "caregiver_contact"] as const;
export const activityType = z.enum(ACTIVITY_TYPES);

/**
 * `details` of a heartbeat: free-form (the app also sends network_type, is_charging, device_info...), with the
 * two fields Elda reads typed (docs/api.md, "The heartbeat contract"): `app_state` (React Native's AppState;
 * only `active` is the person using the phone) and `last_interaction` (when the person last touched the app,
 * ISO 8601 with an offset, or null; the real app sends null today).
 */
export const heartbeatDetails = z
  .looseObject({
    app_state: z
      .string()
      .trim()
      .max(20)
      .nullable()
      .optional()
      .meta({ description: "`active` (the app is in the foreground: a sign of life), `background` or `inactive` (the phone is on; nothing more)" }),
    last_interaction: z.iso
      .datetime({ offset: true, message: "Send the last interaction as an ISO 8601 date-time with an offset (e.g. 2026-01-15T14:00:00Z), or null." })
      .refine(inYears, { message: yearsMessage, abort: true })
      .nullable()
      .optional()
      .meta({ description: "when the person last touched the app; counts as a sign of life unless it is in the future or older than what is known" }),
  })
  .refine((d) => Object.keys(d).every((k) => k.length <= 100), { message: "Keep detail names under 100 characters." })
  .superRefine(freeFormLimits(8_000, "details"));

/**
 * Every body the app sends (reference §7.2 rows 5 and 6, including the degenerate
 * `{device_type, app_version, details: {}}`). All optional, types and ranges checked. Simulators report a
 * battery of -1 (sent as -1 or -100): any negative level is stored as unknown, not refused.
 */
export const heartbeatInput = z.strictObject({
  activity_type: z.enum(APP_ACTIVITY_TYPES).default("heartbeat"),
  device_type: text().trim().max(20).nullable().optional(),
  app_version: text().trim().max(20).nullable().optional(),
  battery_level: z
    .number()
    .max(100, { message: "Battery level is a percentage, 0 to 100." })
    .nullable()
    .optional()
    .transform((v) => (v === null || v === undefined || v < 0 ? null : Math.round(v))),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  details: heartbeatDetails.optional(),
});
export type HeartbeatInput = z.infer<typeof heartbeatInput>;

export const pendingAction = z.object({
  type: z.enum(["reminder_due", "check_in"]),
  reminder_id: z.uuid().optional(),
  reminder_type: z.string().optional(),
  title: z.string().optional(),
  due_at: z.string().optional(),
  message: z.string().optional(),
});

export const heartbeatOutput = z.object({ success: z.literal(true), pending_actions: z.array(pendingAction) });

export const listActivityQuery = z.strictObject({
  ...pageQuery,
  type: csvOf(ACTIVITY_TYPES).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export type ListActivityQuery = z.infer<typeof listActivityQuery>;

export const activityOutput = z.object({
  id: z.uuid(),
  activity_type: activityType,
  device_id: z.uuid().nullable(),
  device_type: z.string().nullable(),
  app_version: z.string().nullable(),
  battery_level: z.number().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  details: z.record(z.string(), z.unknown()),
  occurred_at: z.string(),
});

export const deviceStatus = z.object({
  online: z.boolean().meta({ description: "the last heartbeat is at most 30 minutes old" }),
  last_seen_at: z.string().nullable(),
  last_heartbeat_at: z.string().nullable(),
  last_active_at: z.string().nullable(),
  battery_level: z.number().nullable(),
  app_version: z.string().nullable(),
  paired_devices: z.number(),
});

/** A caregiver records that they spoke to the patient ("I spoke to her"): a sign of life (SPEC §5). */
export const spokeWithInput = z.strictObject({
  note: optionalText(500).meta({ description: "how it went, for the care team (shown on the episode it ends)" }),
});
export type SpokeWithInput = z.infer<typeof spokeWithInput>;

export const caregiverContactOutput = z.object({
  id: z.uuid(),
  patient_id: z.uuid(),
  caregiver: z.object({ id: z.uuid(), name: z.string() }),
  note: z.string().nullable(),
  at: z.string(),
  /** the inactivity episode it ended, if one was open */
  ended_alert_ids: z.array(z.uuid()),
});
