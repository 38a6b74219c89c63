import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Random bearer secrets (API keys, device credentials, refresh tokens, pairing codes). They carry 256 bits
 * of entropy, so a SHA-256 digest is a safe way to store and look them up.
 */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
