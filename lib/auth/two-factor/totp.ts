import "server-only";
import { Secret, TOTP } from "otpauth";

/** RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;
const totp = (secretBase32: string, label = "Elda") =>
  new TOTP({ issuer: "Elda", label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const totpUri = (secretBase32: string, email: string): string => totp(secretBase32, email).toString();

export const isTotpShaped = (code: string) => /^\d{6}$/.test(code);

/**
 * The time step a code belongs to (one step of clock drift either way), or null. A step at or before
 * `lastStep` was already used: refused, so a code seen over someone's shoulder cannot be replayed.
 */
export function acceptedStep(secretBase32: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!isTotpShaped(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** For tests and the operator: the code an authenticator app would show at `now`. */
export const totpCodeAt = (secretBase32: string, now: Date): string => totp(secretBase32).generate({ timestamp: now.getTime() });
