import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db/client";
import { Conflict, NotFound, ValidationFailed } from "@/lib/api/errors";
import { verifyPassword } from "@/lib/auth/password";
import { requireCaregiver } from "@/lib/auth/policy";
import { accountKey, assertNotLocked, ipKey, recordFailure } from "@/lib/auth/lockout";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestContext } from "@/lib/observability/request-context";
import { openSecret, sealSecret } from "./secret-box";
import { acceptedStep, newTotpSecret, totpUri } from "./totp";
import { issueRecoveryCodes } from "./recovery-codes";
import { checkSecondFactor, clearSecondFactor } from "./second-factor";

async function me(actor: Actor) {
  const { caregiverId } = requireCaregiver(actor);
  const c = await db.caregiver.findUnique({ where: { id: caregiverId } });
  if (!c) throw new NotFound("Caregiver");
  return c;
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(actor: Actor): Promise<TwoFactorStatus> {
  const c = await me(actor);
  const left = c.totpEnabled ? await db.recoveryCode.count({ where: { caregiverId: c.id, usedAt: null } }) : 0;
  return { enabled: c.totpEnabled, enabledAt: c.totpEnabledAt, recoveryCodesLeft: left };
}

/**
 * Begin enrolment: a new secret, kept sealed and not yet in force, shown (with its otpauth URI for the QR
 * code) until a code from the app confirms it. Once enabled the secret is never shown again.
 */
export async function startEnrolment(actor: Actor): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const c = await me(actor);
  if (c.totpEnabled) throw new Conflict("Two-factor sign-in is already on. Turn it off first to set up a new app.", "two_factor_enabled");
  let secret = c.totpSecret ? openSecret(c.totpSecret) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db.caregiver.update({ where: { id: c.id }, data: { totpSecret: sealSecret(secret), totpLastStep: null } });
  }
  const uri = totpUri(secret, c.email);
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 }) };
}

/** Confirm with a code from the app: two-factor is on, and the ten recovery codes are returned (only now). */
export async function confirmEnrolment(actor: Actor, code: string, now: Date): Promise<{ recoveryCodes: string[] }> {
  const c = await me(actor);
  if (c.totpEnabled) throw new Conflict("Two-factor sign-in is already on.", "two_factor_enabled");
  if (!c.totpSecret) throw new Conflict("Start the set-up again: scan the new QR code.", "two_factor_not_started");
  const step = acceptedStep(openSecret(c.totpSecret), code.trim(), now, null);
  if (step === null) throw new ValidationFailed([{ field: "code", message: "That code is not right. Enter the 6-digit code your app shows now." }]);
  return db.$transaction(async (tx) => {
    await tx.caregiver.update({ where: { id: c.id }, data: { totpEnabled: true, totpEnabledAt: now, totpLastStep: step } });
    const recoveryCodes = await issueRecoveryCodes(tx, c.id, now);
    await recordAudit(tx, actor, { action: "auth.two_factor_enabled", targetType: "caregiver", targetId: c.id });
    return { recoveryCodes };
  });
}

/**
 * Turn two-factor off: needs the password and a current code (or a recovery code). Wrong answers count
 * toward the same lockout as the sign-in.
 */
export async function disableTwoFactor(actor: Actor, input: { password: string; code: string }, now: Date) {
  const c = await me(actor);
  if (!c.totpEnabled) throw new Conflict("Two-factor sign-in is not on.", "two_factor_not_enabled");
  const ip = requestContext.get()?.ip ?? null;
  await assertNotLocked([accountKey(c.email), ...(ip ? [ipKey(ip)] : [])], now);
  if (!(await verifyPassword(input.password, c.passwordHash))) {
    await recordFailure(c.email, ip, now);
    throw new ValidationFailed([{ field: "password", message: "The password is not correct." }]);
  }
  const factor = await db.$transaction(async (tx) => {
    const used = await checkSecondFactor(tx, c, input.code, now);
    if (!used) return null;
    await clearSecondFactor(tx, c.id);
    await recordAudit(tx, actor, { action: "auth.two_factor_disabled", targetType: "caregiver", targetId: c.id, metadata: { with: used } });
    return used;
  });
  if (!factor) {
    await recordFailure(c.email, ip, now);
    throw new ValidationFailed([{ field: "code", message: "That code is not right, or was already used." }]);
  }
}
