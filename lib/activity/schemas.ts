import { z } from "zod";
import { pageQuery } from "@/lib/api/pagination";
import { csvOf, isoDateTime } from "@/lib/validation/common";

export const ACTIVITY_TYPES = ["heartbeat", "app_open", "app_close", "emergency", "reminder_response", "conversation", "location_update", "battery_update"] as const;
export const activityType = z.enum(ACTIVITY_TYPES);

/**
 * Every body the app sends (reference §7.2 rows 5 and 6, including the degenerate
 * `{device_type, app_version, details: {}}`). All optional, types and ranges checked. Simulators report a
 * battery of -1 (sent as -1 or -100): any negative level is stored as unknown, not refused.
 */
export const heartbeatInput = z.strictObject({
  activity_type: activityType.default("heartbeat"),
  device_type: z.string().trim().max(20).nullable().optional(),
  app_version: z.string().trim().max(20).nullable().optional(),
  battery_level: z
    .number()
    .max(100, { message: "Battery level is a percentage, 0 to 100." })
    .nullable()
    .optional()
    .transform((v) => (v === null || v === undefined || v < 0 ? null : Math.round(v))),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  details: z
    .record(z.string().max(100), z.unknown())
    .refine((d) => JSON.stringify(d).length <= 8_000, { message: "Keep details under 8,000 characters." })
    .optional(),
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
