import "server-only";
import type { Actor } from "./actor";
import { sessionIsLive, verifyAccessToken } from "./sessions";
import { readSessionCookie } from "./session-cookie";
import { resolveApiKey } from "@/lib/caregivers/api-keys";
import { DEVICE_CREDENTIAL_PREFIX, resolveDeviceCredential } from "./device-credentials";

export type ResolvedActor = { actor: Actor; viaCookie: boolean } | null;

/** The token of an `Authorization: Bearer <token>` header, or null when the header has another form. */
export function bearerToken(header: string): string | null {
  return /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] ?? null;
}

/**
 * Who sent this request: a bearer credential (device credential, API key or access token) wins over the
 * dashboard's session cookie. A credential that is present but invalid resolves to null (401), never to
 * the cookie's identity.
 */
export async function resolveActor(req: Request, now: Date): Promise<ResolvedActor> {
  const header = req.headers.get("authorization");
  if (header) {
    const token = bearerToken(header);
    if (!token) return null;
    if (token.startsWith(DEVICE_CREDENTIAL_PREFIX)) {
      const device = await resolveDeviceCredential(token);
      return device ? { actor: device, viaCookie: false } : null;
    }
    if (token.startsWith("elda_key_")) {
      const key = await resolveApiKey(token, now);
      return key ? { actor: key, viaCookie: false } : null;
    }
    const claims = await verifyAccessToken(token, now);
    if (!claims || !(await sessionIsLive(claims.sessionId, claims.caregiverId, now))) return null;
    return { actor: { kind: "caregiver", caregiverId: claims.caregiverId, via: "token", sessionId: claims.sessionId }, viaCookie: false };
  }
  const cookie = await readSessionCookie(req.headers.get("cookie"));
  if (!cookie || !(await sessionIsLive(cookie.sessionId, cookie.caregiverId, now))) return null;
  return { actor: { kind: "caregiver", caregiverId: cookie.caregiverId, via: "session", sessionId: cookie.sessionId }, viaCookie: true };
}
