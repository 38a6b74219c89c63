import "server-only";
import { db } from "@/lib/db/client";
import { AppError, Forbidden, Unauthenticated } from "@/lib/api/errors";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { accountKey, assertNotLocked, clearAccountFailures, ipKey, recordFailure } from "@/lib/auth/lockout";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemActor } from "@/lib/auth/actor";
import { createSession, type ClientInfo } from "@/lib/auth/sessions";
import { enforceIpRateLimit } from "@/lib/auth/rate-limit";
import { checkSecondFactor, type SecondFactor } from "@/lib/auth/two-factor/second-factor";
import { deviceIsRemembered } from "@/lib/auth/two-factor/remembered-device";
import { readChallenge } from "@/lib/auth/two-factor/challenge";
import { securityPolicyFor } from "@/lib/orgs/security-policy";
import type { Caregiver } from "@/lib/db/generated/client";

export const INVALID_CREDENTIALS = "Invalid email or password.";

/** The password was right; the caregiver has two-factor sign-in on and no code (or remembered device) came with it. */
export class TwoFactorRequired extends AppError {
  constructor(readonly caregiverId: string) {
    super(
      401,
      "Unauthenticated",
      "Two-factor sign-in is on for this account: send the 6-digit code from the authenticator app as totp_code, or a recovery code as recovery_code.",
      {
        code: "two_factor_required",
      },
    );
  }
}

export interface SecondStep {
  /** a TOTP code or a recovery code */
  code?: string | null;
  /** the "remember this device" cookie (dashboard only) */
  rememberedDevice?: string | null;
}

type Kind = "web" | "api";

/**
 * Check an email and password (with lockout), then the second factor when the caregiver has one, and open
 * a session. Used by the dashboard sign-in and by `POST /api/v1/auth/login`. The messages never reveal
 * whether the email has an account; a wrong code counts toward the same lockout as a wrong password.
 */
export async function authenticateCaregiver(email: string, password: string, kind: Kind, client: ClientInfo, now: Date, second: SecondStep = {}) {
  const normalized = email.trim().toLowerCase();
  await enforceIpRateLimit("login", client.ip, 30, 60, now);
  await assertNotLocked([accountKey(normalized), ...(client.ip ? [ipKey(client.ip)] : [])], now);
  const caregiver = await db.caregiver.findUnique({ where: { email: normalized } });
  const ok = caregiver ? await verifyPassword(password, caregiver.passwordHash) : (await burnPasswordCheck(password), false);
  if (!caregiver || !ok) {
    await refuse(normalized, caregiver?.id ?? null, caregiver ? "wrong_password" : "unknown_email", client, now);
    throw new Unauthenticated(INVALID_CREDENTIALS);
  }
  if (!caregiver.isActive) throw new Forbidden("This account is disabled. Ask your organization's admin.");
  const factor = await secondFactor(caregiver, kind, client, now, second);
  return openSession(caregiver, kind, client, now, factor);
}

/** The dashboard's code step: the password step's signed challenge plus a code. */
export async function authenticateWithChallenge(challenge: string, code: string, client: ClientInfo, now: Date) {
  const caregiverId = await readChallenge(challenge, now);
  const caregiver = caregiverId ? await db.caregiver.findUnique({ where: { id: caregiverId } }) : null;
  if (!caregiver) throw new Unauthenticated("The sign-in took too long. Enter your email and password again.");
  await enforceIpRateLimit("login", client.ip, 30, 60, now);
  await assertNotLocked([accountKey(caregiver.email), ...(client.ip ? [ipKey(client.ip)] : [])], now);
  if (!caregiver.isActive) throw new Forbidden("This account is disabled. Ask your organization's admin.");
  const factor = await secondFactor(caregiver, "web", client, now, { code });
  return openSession(caregiver, "web", client, now, factor);
}

async function secondFactor(
  caregiver: Caregiver,
  kind: Kind,
  client: ClientInfo,
  now: Date,
  second: SecondStep,
): Promise<SecondFactor | "remembered_device" | "none"> {
  if (!caregiver.totpEnabled) {
    // the dashboard sends a member without it to enrol; a token cannot enrol, so the API refuses it
    if (kind === "api" && (await securityPolicyFor(db, caregiver.id)).twoFactorRequired) {
      throw new Forbidden(
        "Your organization requires two-factor sign-in. Set it up in the dashboard (Settings, Security) first.",
        "two_factor_enrolment_required",
      );
    }
    return "none";
  }
  if (kind === "web" && deviceIsRemembered(second.rememberedDevice, caregiver.id, caregiver.totpSecret, now)) return "remembered_device";
  if (!second.code) throw new TwoFactorRequired(caregiver.id);
  const used = await checkSecondFactor(db, caregiver, second.code, now);
  if (!used) {
    await refuse(caregiver.email, caregiver.id, "wrong_code", client, now);
    throw new Unauthenticated("That code is not right, or was already used.", "two_factor_invalid");
  }
  return used;
}

async function refuse(email: string, caregiverId: string | null, reason: string, client: ClientInfo, now: Date) {
  const locked = await recordFailure(email, client.ip, now);
  await recordAudit(db, systemActor("auth"), {
    action: locked ? "auth.account_locked" : "auth.login_failed",
    targetType: "caregiver",
    targetId: caregiverId,
    metadata: { reason },
  });
}

async function openSession(caregiver: Caregiver, kind: Kind, client: ClientInfo, now: Date, factor: string) {
  await clearAccountFailures(caregiver.email);
  return db.$transaction(async (tx) => {
    const session = await createSession(tx, caregiver.id, kind, client, now);
    await tx.caregiver.update({ where: { id: caregiver.id }, data: { lastLoginAt: now } });
    await recordAudit(
      tx,
      { kind: "caregiver", caregiverId: caregiver.id, via: "session", sessionId: session.id },
      { action: "auth.login", targetType: "session", targetId: session.id, metadata: { kind, second_factor: factor } },
    );
    return { caregiver, session };
  });
}
