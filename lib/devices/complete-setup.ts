import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Unauthenticated } from "@/lib/api/errors";
import { hashSecret, newSecret } from "@/lib/auth/secrets";
import { enforceIpRateLimit, enforceRateLimit } from "@/lib/auth/rate-limit";
import { DEVICE_CREDENTIAL_PREFIX } from "@/lib/auth/device-credentials";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemActor } from "@/lib/auth/actor";
import { setupInput } from "./schemas";

const INVALID = "This setup code is not valid. Ask your caregiver to show a new QR code.";

const TOO_MANY = "Too many setup attempts. Wait a few minutes and scan again.";

/**
 * The phone scans the QR code and trades the one-time setup token for its own device credential
 * (random, shown once, stored hashed). Wrong, used or expired codes are refused (401) and change nothing.
 * Every attempt counts against the sender's address; only a wrong token counts against the patient, after
 * the lookup, so whoever knows a patient's id cannot spend the patient's budget and block the family's real
 * QR code: a live code for the patient always pairs (docs/decisions/024-hostile-input-and-key-scopes.md).
 */
export async function completeSetup(input: z.infer<typeof setupInput>, ip: string | null, now: Date) {
  await enforceIpRateLimit("setup", ip, 20, 15 * 60, now, TOO_MANY);
  const code = await db.pairingCode.findUnique({
    where: { tokenHash: hashSecret(input.setup_token) },
    include: { patient: { select: { id: true, firstName: true, lastName: true, preferredName: true, organizationId: true } } },
  });
  if (!code || code.patientId !== input.patient_id) {
    // a failure: past the patient's budget the answer is 429 instead of 401 (the guesses are being noticed)
    await enforceRateLimit(`setup:patient:${input.patient_id}`, 10, 15 * 60, now, TOO_MANY);
    throw new Unauthenticated(INVALID);
  }
  if (code.usedAt) throw new Unauthenticated("This setup code was already used. Ask your caregiver to show a new QR code.");
  if (code.voidedAt) throw new Unauthenticated("This setup code was replaced by a newer one. Scan the latest QR code.");
  if (code.expiresAt <= now) throw new Unauthenticated("This setup code has expired. Ask your caregiver to show a new QR code.");
  const credential = newSecret(DEVICE_CREDENTIAL_PREFIX);
  const device = await db.$transaction(async (tx) => {
    // claim the code atomically: two phones scanning the same code cannot both pair
    const claimed = await tx.pairingCode.updateMany({ where: { id: code.id, usedAt: null, voidedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new Unauthenticated("This setup code was already used. Ask your caregiver to show a new QR code.");
    const device = await tx.patientDevice.create({ data: { patientId: code.patientId, credentialHash: hashSecret(credential), pairedAt: now } });
    await recordAudit(tx, systemActor("pairing"), {
      action: "device.paired",
      targetType: "device",
      targetId: device.id,
      patientId: code.patientId,
      organizationId: code.patient.organizationId,
      metadata: { pairing_code_id: code.id },
    });
    return device;
  });
  return {
    success: true as const,
    patient_id: code.patient.id,
    patient_name: `${code.patient.firstName} ${code.patient.lastName}`,
    preferred_name: code.patient.preferredName,
    access_token: credential,
    token_type: "Bearer" as const,
    device_id: device.id,
  };
}
