import "server-only";
import { db } from "@/lib/db/client";
import type { DeviceActor } from "./actor";
import { hashSecret } from "./secrets";

export const DEVICE_CREDENTIAL_PREFIX = "elda_dev_";

/** Resolve a patient device's bearer credential; revoked or unknown credentials resolve to null. */
export async function resolveDeviceCredential(secret: string): Promise<DeviceActor | null> {
  const d = await db.patientDevice.findUnique({
    where: { credentialHash: hashSecret(secret) },
    select: { id: true, patientId: true, revokedAt: true },
  });
  if (!d || d.revokedAt) return null;
  return { kind: "device", deviceId: d.id, patientId: d.patientId };
}
