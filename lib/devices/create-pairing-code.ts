import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db/client";
import { assertPatientAccess } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { hashSecret, newSecret } from "@/lib/auth/secrets";
import { recordAudit } from "@/lib/audit/record-audit";
import { organizationSettingsFor } from "@/lib/orgs/settings";
import { config } from "@/lib/config";

/**
 * A one-time setup code for pairing the patient's phone. A new code voids every older unused one; the
 * lifetime comes from the organization's settings (default 15 minutes). Only the hash is stored.
 */
export async function createPairingCode(actor: Actor, patientId: string, now: Date) {
  const setupToken = newSecret("");
  const { expiresAt } = await db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "write");
    const settings = await organizationSettingsFor(tx, access.organizationId);
    const expiresAt = new Date(now.getTime() + settings.pairing.code_ttl_minutes * 60_000);
    await tx.pairingCode.updateMany({ where: { patientId, usedAt: null, voidedAt: null }, data: { voidedAt: now } });
    const code = await tx.pairingCode.create({
      data: { patientId, tokenHash: hashSecret(setupToken), createdById: actor.kind === "caregiver" ? actor.caregiverId : null, createdAt: now, expiresAt },
    });
    await recordAudit(tx, actor, {
      action: "device.pairing_code_created",
      targetType: "pairing_code",
      targetId: code.id,
      patientId,
      organizationId: access.organizationId,
    });
    return { expiresAt };
  });
  const qrPayload = JSON.stringify({ patient_id: patientId, setup_token: setupToken, api_url: config().appUrl });
  const qrSvg = await QRCode.toString(qrPayload, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { setup_token: setupToken, expires_at: expiresAt.toISOString(), qr_payload: qrPayload, qr_svg: qrSvg };
}
