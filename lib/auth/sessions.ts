import "server-only";
import { jwtVerify, SignJWT } from "jose";
import { config } from "@/lib/config";
import { db, pool, type Tx } from "@/lib/db/client";
import { preparedName } from "@/lib/db/prepared-name";
import { verifiedOnce } from "./verified-tokens";
import { Unauthenticated } from "@/lib/api/errors";
import { hashSecret, newSecret } from "./secrets";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemActor } from "./actor";
import { cachedSecurityPolicy } from "@/lib/orgs/security-policy";
import { isUuid } from "@/lib/is-uuid";

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const SESSION_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

const key = () => new TextEncoder().encode(`access:${config().authSecret}`);

export interface ClientInfo {
  ip?: string | null;
  userAgent?: string | null;
}

export async function createSession(tx: Tx, caregiverId: string, kind: "web" | "api", client: ClientInfo, now: Date) {
  return tx.session.create({
    data: {
      caregiverId,
      kind,
      ip: client.ip?.slice(0, 64) ?? null,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY),
    },
  });
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: "Bearer";
  expires_in: number;
}

/** A short-lived signed access token plus a new refresh token in the session's rotation family. */
export async function issueTokens(tx: Tx, sessionId: string, caregiverId: string, now: Date): Promise<TokenPair> {
  const refresh = newSecret("elda_rt_");
  await tx.refreshToken.create({
    data: { sessionId, tokenHash: hashSecret(refresh), createdAt: now, expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY) },
  });
  const iat = Math.floor(now.getTime() / 1000);
  const access = await new SignJWT({ sid: sessionId, typ: "access" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(caregiverId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_SECONDS)
    .sign(key());
  return { access_token: access, refresh_token: refresh, token_type: "Bearer", expires_in: ACCESS_TOKEN_SECONDS };
}

export async function verifyAccessToken(token: string, now: Date): Promise<{ caregiverId: string; sessionId: string } | null> {
  return verifiedOnce("access", token, now.getTime(), async () => {
    const { payload } = await jwtVerify(token, key(), { algorithms: ["HS256"], currentDate: now });
    if (payload.typ !== "access" || typeof payload.sid !== "string" || typeof payload.sub !== "string" || typeof payload.exp !== "number") return null;
    return { claims: { caregiverId: payload.sub, sessionId: payload.sid }, expiresAtMs: payload.exp * 1000 };
  });
}

/** Rotate a refresh token. Presenting one that was already used revokes the whole session (token theft). */
export async function rotateRefreshToken(refreshToken: string, now: Date): Promise<TokenPair> {
  const invalid = new Unauthenticated("The refresh token is invalid or expired. Sign in again.");
  const row = await db.refreshToken.findUnique({
    where: { tokenHash: hashSecret(refreshToken) },
    include: { session: { include: { caregiver: { select: { isActive: true } } } } },
  });
  if (!row) throw invalid;
  const { session } = row;
  if (row.usedAt) {
    if (!session.revokedAt) {
      await db.$transaction(async (tx) => {
        await tx.session.update({ where: { id: session.id }, data: { revokedAt: now, revokedReason: "refresh_token_reuse" } });
        await recordAudit(tx, systemActor("auth"), {
          action: "auth.refresh_token_reused",
          targetType: "session",
          targetId: session.id,
          metadata: { caregiver_id: session.caregiverId },
        });
      });
    }
    throw invalid;
  }
  if (row.expiresAt <= now || session.revokedAt || session.expiresAt <= now || !session.caregiver.isActive) throw invalid;
  return db.$transaction(async (tx) => {
    // conditional update: two concurrent refreshes with the same token cannot both succeed
    const claimed = await tx.refreshToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw invalid;
    await tx.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
    return issueTokens(tx, session.id, session.caregiverId, now);
  });
}

export type SessionEnd = "idle" | "signed_out";

export interface SessionState {
  live: boolean;
  /** why it is not: "idle" when a dashboard session ended for want of activity (now or earlier), "signed_out" otherwise (signed out, revoked, expired, unknown) */
  ended?: SessionEnd;
  /** dashboard sessions: when it ends unless the caregiver does something (null for API sessions) */
  idleEndsAt: Date | null;
  idleTimeoutMinutes: number | null;
  /** dashboard sessions: an organization of the caregiver requires two-factor sign-in and the caregiver has not set it up */
  mustEnrolTwoFactor: boolean;
}

const DEAD: SessionState = { live: false, ended: "signed_out", idleEndsAt: null, idleTimeoutMinutes: null, mustEnrolTwoFactor: false };

const SESSION_ROW = `SELECT s.kind::text AS kind, s.last_seen_at AS "lastSeenAt", s.revoked_at AS "revokedAt", s.revoked_reason AS "revokedReason",
  s.expires_at AS "expiresAt", c.is_active AS "caregiverActive", c.totp_enabled AS "totpEnabled"
  FROM sessions s JOIN caregivers c ON c.id = s.caregiver_id WHERE s.id = $1::uuid AND s.caregiver_id = $2::uuid`;

interface SessionRow {
  kind: string;
  lastSeenAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  expiresAt: Date;
  caregiverActive: boolean;
  totpEnabled: boolean;
}

/**
 * The session and its caregiver's standing, read on every signed-in request: one prepared statement on the pool
 * (docs/decisions/009-hot-path-sql.md), not two ORM queries (the ORM's own work was most of a light request's
 * time: docs/benchmarks.md, 2026-12-01).
 */
async function sessionRow(sessionId: string, caregiverId: string): Promise<SessionRow | null> {
  if (!isUuid(sessionId) || !isUuid(caregiverId)) return null;
  const { rows } = await pool.query<SessionRow>({ name: preparedName("session_state", SESSION_ROW), text: SESSION_ROW, values: [sessionId, caregiverId] });
  return rows[0] ?? null;
}

/**
 * Is this session usable now: not revoked, not expired, its caregiver still active, and (for a dashboard
 * session) used within the idle timeout, the strictest of the caregiver's organizations (SPEC §8). An idle
 * session is revoked here, audited, on the first request that notices. API sessions keep their own expiry.
 */
export async function sessionState(sessionId: string, caregiverId: string, now: Date): Promise<SessionState> {
  const s = await sessionRow(sessionId, caregiverId);
  // an idle session revoked by an earlier request (the home page's poll, another tab) still reads as timed out
  if (s?.revokedAt && s.revokedReason === "idle_timeout") return { ...DEAD, ended: "idle" };
  if (!s || s.revokedAt || s.expiresAt <= now || !s.caregiverActive) return DEAD;
  // API sessions (bearer tokens) pay nothing more: their expiry is their own, and they cannot enrol
  if (s.kind !== "web") return { live: true, idleEndsAt: null, idleTimeoutMinutes: null, mustEnrolTwoFactor: false };
  // the organizations' settings change rarely: kept 30 s per caregiver (decision 033)
  const policy = await cachedSecurityPolicy(caregiverId);
  const idleEndsAt = new Date(s.lastSeenAt.getTime() + policy.idleTimeoutMinutes * 60_000);
  if (idleEndsAt <= now) {
    const r = await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: "idle_timeout" } });
    if (r.count === 1) {
      await recordAudit(db, systemActor("auth"), {
        action: "auth.session_idle_timeout",
        targetType: "session",
        targetId: sessionId,
        metadata: { caregiver_id: caregiverId, idle_timeout_minutes: policy.idleTimeoutMinutes },
      });
    }
    return { ...DEAD, ended: "idle" };
  }
  return { live: true, idleEndsAt, idleTimeoutMinutes: policy.idleTimeoutMinutes, mustEnrolTwoFactor: policy.twoFactorRequired && !s.totpEnabled };
}

export async function sessionIsLive(sessionId: string, caregiverId: string, now: Date): Promise<boolean> {
  return (await sessionState(sessionId, caregiverId, now)).live;
}

/**
 * The caregiver did something (a page they opened, a form they sent, a click or key press the dashboard
 * reported): the idle clock starts again. Background polling never calls this. Only a live session moves.
 */
export async function recordSessionActivity(sessionId: string, now: Date) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null, lastSeenAt: { lt: now } }, data: { lastSeenAt: now } });
}

export async function revokeSession(tx: Tx, sessionId: string, reason: string, now: Date) {
  await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
}

/** Revoke every live session of a caregiver except `keepSessionId`. */
export async function revokeOtherSessions(tx: Tx, caregiverId: string, keepSessionId: string | undefined, reason: string, now: Date) {
  const r = await tx.session.updateMany({
    where: { caregiverId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  return r.count;
}
