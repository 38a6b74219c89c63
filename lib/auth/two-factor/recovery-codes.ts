import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db/client";

export const RECOVERY_CODE_COUNT = 10;
// no 0/O, 1/I/L: codes are read off paper
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** "ABCD-EFGH-JKMN": 12 characters of 31, about 59 bits each. */
function newCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export const normalizeRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** Keyed with AUTH_SECRET and the caregiver: a leaked table cannot be searched for codes offline. */
export const hashRecoveryCode = (caregiverId: string, code: string) =>
  createHmac("sha256", `recovery:${config().authSecret}`)
    .update(`${caregiverId}:${normalizeRecoveryCode(code)}`)
    .digest("hex");

/** Replace a caregiver's recovery codes with ten new ones; the plain codes are returned once, never stored. */
export async function issueRecoveryCodes(tx: Tx, caregiverId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { caregiverId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ caregiverId, codeHash: hashRecoveryCode(caregiverId, c), createdAt: now })) });
  return codes;
}

/** Spend a recovery code: true once per code (a conditional update, so two requests cannot both spend it). */
export async function spendRecoveryCode(tx: Tx, caregiverId: string, code: string, now: Date): Promise<boolean> {
  if (normalizeRecoveryCode(code).length !== 12) return false;
  const r = await tx.recoveryCode.updateMany({ where: { caregiverId, codeHash: hashRecoveryCode(caregiverId, code), usedAt: null }, data: { usedAt: now } });
  return r.count === 1;
}
