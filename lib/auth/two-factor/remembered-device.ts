import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

/**
 * "Remember this device for 30 days": a cookie `<caregiver id>.<expiry ms>.<mac>` whose MAC covers the
 * caregiver, the expiry and the caregiver's current (sealed) TOTP secret. Nothing is stored server-side:
 * disabling, resetting or re-enrolling two-factor changes or clears the secret, which revokes every
 * remembered device at once; a password change alone does not.
 */
export const REMEMBER_DEVICE_COOKIE = "elda_2fa_device";
export const REMEMBER_DEVICE_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

const mac = (caregiverId: string, expires: number, sealedSecret: string) =>
  createHmac("sha256", `remember-device:${config().authSecret}`)
    .update(`${caregiverId}.${expires}.${createHash("sha256").update(sealedSecret).digest("hex")}`)
    .digest("base64url");

export function rememberDeviceToken(caregiverId: string, sealedSecret: string, now: Date): { value: string; expires: Date } {
  const expires = now.getTime() + REMEMBER_DEVICE_DAYS * DAY;
  return { value: `${caregiverId}.${expires}.${mac(caregiverId, expires, sealedSecret)}`, expires: new Date(expires) };
}

/** Does this cookie value vouch for this caregiver's second factor at `now`? */
export function deviceIsRemembered(value: string | null | undefined, caregiverId: string, sealedSecret: string | null, now: Date): boolean {
  if (!value || !sealedSecret) return false;
  const [id, expiresRaw, given] = value.split(".");
  const expires = Number(expiresRaw);
  if (id !== caregiverId || !Number.isSafeInteger(expires) || expires <= now.getTime() || !given) return false;
  const want = Buffer.from(mac(caregiverId, expires, sealedSecret));
  const got = Buffer.from(given);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** After a code step where "remember this device" was ticked: the cookie for this caregiver, or null when two-factor is off. */
export async function rememberThisDevice(caregiverId: string, now: Date): Promise<{ value: string; expires: Date } | null> {
  const c = await db.caregiver.findUnique({ where: { id: caregiverId }, select: { totpEnabled: true, totpSecret: true } });
  return c?.totpEnabled && c.totpSecret ? rememberDeviceToken(caregiverId, c.totpSecret, now) : null;
}
