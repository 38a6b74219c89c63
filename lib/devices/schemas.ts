import { z } from "zod";
import { text, uuid } from "@/lib/validation/common";

export const platform = z.preprocess((v) => (typeof v === "string" ? v.toLowerCase() : v), z.enum(["ios", "android"]));
const appVersion = text().trim().min(1).max(20);

export const setupInput = z.strictObject({
  patient_id: uuid,
  setup_token: z.string().min(1).max(200),
});

export const setupOutput = z.object({
  success: z.literal(true),
  patient_id: z.uuid(),
  patient_name: z.string(),
  preferred_name: z.string().nullable(),
  access_token: z.string().meta({ description: "the device credential: send as `Authorization: Bearer` on every other call; shown once" }),
  token_type: z.literal("Bearer"),
  device_id: z.uuid(),
});

export const pairingCodeOutput = z.object({
  setup_token: z.string(),
  expires_at: z.string(),
  qr_payload: z.string().meta({ description: "JSON the app scans: {patient_id, setup_token, api_url}" }),
  qr_svg: z.string().meta({ description: "the QR code as an SVG image" }),
});

export const deviceTokenInput = z.strictObject({
  patient_id: uuid,
  device_token: text().trim().min(1).max(4096),
  platform,
  app_version: appVersion.optional(),
});

export const deviceOutput = z.object({
  id: z.uuid(),
  platform: z.enum(["ios", "android"]).nullable(),
  app_version: z.string().nullable(),
  device_model: z.string().nullable(),
  os_version: z.string().nullable(),
  battery_level: z.number().nullable(),
  paired_at: z.string(),
  last_seen_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  push_tokens: z.number(),
});

export const deviceIdParams = z.strictObject({ id: uuid });
