import "server-only";
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemActor } from "@/lib/auth/actor";
import { openSecret } from "./secret-box";
import { acceptedStep, isTotpShaped } from "./totp";
import { spendRecoveryCode } from "./recovery-codes";

export type SecondFactor = "totp" | "recovery_code";

interface Enrolled {
  id: string;
  totpEnabled: boolean;
  totpSecret: string | null;
  totpLastStep: number | null;
}

/**
 * Check a code typed at the second step: six digits are a TOTP code (accepted once: the step is claimed by a
 * conditional update), anything else a recovery code (spent). Returns which factor was used, or null.
 */
export async function checkSecondFactor(tx: Tx, caregiver: Enrolled, code: string, now: Date): Promise<SecondFactor | null> {
  if (!caregiver.totpEnabled || !caregiver.totpSecret) return null;
  const typed = code.trim().replace(/\s+/g, "");
  if (isTotpShaped(typed)) {
    const step = acceptedStep(openSecret(caregiver.totpSecret), typed, now, caregiver.totpLastStep);
    if (step === null) return null;
    const claimed = await tx.caregiver.updateMany({
      where: { id: caregiver.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return claimed.count === 1 ? "totp" : null;
  }
  if (!(await spendRecoveryCode(tx, caregiver.id, typed, now))) return null;
  const left = await tx.recoveryCode.count({ where: { caregiverId: caregiver.id, usedAt: null } });
  await recordAudit(tx, systemActor("auth"), {
    action: "auth.recovery_code_used",
    targetType: "caregiver",
    targetId: caregiver.id,
    metadata: { recovery_codes_left: left },
  });
  return "recovery_code";
}

/** Forget a caregiver's second factor (disable, reset): secret, recovery codes and, with the secret, every remembered device. */
export async function clearSecondFactor(tx: Tx, caregiverId: string) {
  await tx.caregiver.update({ where: { id: caregiverId }, data: { totpEnabled: false, totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
  await tx.recoveryCode.deleteMany({ where: { caregiverId } });
}
