import "server-only";
import { decode } from "next-auth/jwt";
import { config } from "@/lib/config";
import { verifiedOnce } from "./verified-tokens";

/** next-auth's session cookie names (the __Secure- one is used over https). */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

/** Decode the dashboard's session cookie into the caregiver and session ids it carries. */
export async function readSessionCookie(cookieHeader: string | null): Promise<{ caregiverId: string; sessionId: string } | null> {
  for (const name of SESSION_COOKIES) {
    const raw = readCookie(cookieHeader, name);
    if (!raw) continue;
    // next-auth checks the expiry against the wall clock, and so does the kept result
    return verifiedOnce(`cookie:${name}`, raw, Date.now(), async () => {
      const token = await decode({ token: raw, secret: config().authSecret, salt: name });
      if (!token || typeof token.sub !== "string" || typeof token.sid !== "string" || typeof token.exp !== "number") return null;
      return { claims: { caregiverId: token.sub, sessionId: token.sid }, expiresAtMs: token.exp * 1000 };
    });
  }
  return null;
}
