import { z } from "zod";
import { uuid } from "@/lib/validation/common";

const base64url = (bytes: number, what: string) =>
  z
    .string()
    .max(200)
    .refine((v) => /^[A-Za-z0-9_-]+={0,2}$/.test(v) && Buffer.from(v.replace(/=+$/, ""), "base64url").length === bytes, {
      message: `Must be ${what}, base64url-encoded.`,
    });

/**
 * A browser's PushSubscription as `subscription.toJSON()` gives it (the `expirationTime` browsers send is
 * accepted and ignored). The endpoint must be an https URL of a push service; the host is checked against
 * the allowed push services by the domain function.
 */
export const pushSubscriptionInput = z.strictObject({
  endpoint: z
    .string()
    .max(2048)
    .regex(/^https:\/\/[\x21-\x7e]+$/, { message: "Must be the https URL of the browser's push service." })
    .refine((v) => URL.canParse(v), { message: "Must be the https URL of the browser's push service." }),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: base64url(65, "the browser's 65-byte P-256 public key"),
    auth: base64url(16, "the browser's 16-byte auth secret"),
  }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInput>;

export const pushSubscriptionParams = z.strictObject({ id: uuid });

export const pushSubscriptionOutput = z.object({
  id: z.uuid(),
  endpoint: z.string().meta({ description: "the push service URL of the browser (matches PushSubscription.endpoint)" }),
  user_agent: z.string().nullable(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
});

export const pushSubscriptionsOutput = z.object({
  vapid_public_key: z
    .string()
    .nullable()
    .meta({ description: "the applicationServerKey for PushManager.subscribe; null: Web Push is not set up (pushes are simulated)" }),
  items: z.array(pushSubscriptionOutput),
});

export const testNotificationOutput = z.object({
  attempt_id: z.uuid(),
  status: z
    .enum(["pending", "sending", "sent", "simulated", "failed", "skipped"])
    .meta({ description: "pending: the push service could not be reached yet; it will be tried again" }),
  error: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
});
