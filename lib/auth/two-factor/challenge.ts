import "server-only";
import { jwtVerify, SignJWT } from "jose";
import { config } from "@/lib/config";

/**
 * Between the password step and the code step of the dashboard sign-in, the browser holds this signed,
 * 5-minute ticket instead of the password: it says "this caregiver's password was right", nothing more.
 */
export const CHALLENGE_SECONDS = 5 * 60;
const key = () => new TextEncoder().encode(`2fa-challenge:${config().authSecret}`);

export async function signChallenge(caregiverId: string, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ typ: "2fa_challenge" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(caregiverId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + CHALLENGE_SECONDS)
    .sign(key());
}

export async function readChallenge(token: string, now: Date): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key(), { algorithms: ["HS256"], currentDate: now });
    return payload.typ === "2fa_challenge" && typeof payload.sub === "string" ? payload.sub : null;
  } catch {
    return null;
  }
}
