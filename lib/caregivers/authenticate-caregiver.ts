import "server-only";
import { db } from "@/lib/db/client";
import { Forbidden, Unauthenticated } from "@/lib/api/errors";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { accountKey, assertNotLocked, clearAccountFailures, ipKey, recordFailure } from "@/lib/auth/lockout";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemActor } from "@/lib/auth/actor";
import { createSession, type ClientInfo } from "@/lib/auth/sessions";
import { enforceIpRateLimit } from "@/lib/auth/rate-limit";

export const INVALID_CREDENTIALS = "Invalid email or password.";

/**
 * Check an email and password (with lockout) and open a session. Used by the dashboard sign-in and by
 * `POST /api/v1/auth/login`. The messages never reveal whether the email has an account.
 */
export async function authenticateCaregiver(email: string, password: string, kind: "web" | "api", client: ClientInfo, now: Date) {
  const normalized = email.trim().toLowerCase();
  await enforceIpRateLimit("login", client.ip, 30, 60, now);
  await assertNotLocked([accountKey(normalized), ...(client.ip ? [ipKey(client.ip)] : [])], now);
  const caregiver = await db.caregiver.findUnique({ where: { email: normalized } });
  const ok = caregiver ? await verifyPassword(password, caregiver.passwordHash) : (await burnPasswordCheck(password), false);
  if (!caregiver || !ok) {
    const locked = await recordFailure(normalized, client.ip, now);
    await recordAudit(db, systemActor("auth"), {
      action: locked ? "auth.account_locked" : "auth.login_failed",
      targetType: "caregiver",
      targetId: caregiver?.id ?? null,
      metadata: { reason: caregiver ? "wrong_password" : "unknown_email" },
    });
    throw new Unauthenticated(INVALID_CREDENTIALS);
  }
  if (!caregiver.isActive) throw new Forbidden("This account is disabled. Ask your organization's admin.");
  await clearAccountFailures(normalized);
  return db.$transaction(async (tx) => {
    const session = await createSession(tx, caregiver.id, kind, client, now);
    await tx.caregiver.update({ where: { id: caregiver.id }, data: { lastLoginAt: now } });
    await recordAudit(
      tx,
      { kind: "caregiver", caregiverId: caregiver.id, via: "session", sessionId: session.id },
      {
        action: "auth.login",
        targetType: "session",
        targetId: session.id,
        metadata: { kind },
      },
    );
    return { caregiver, session };
  });
}
