import "server-only";
import { pool } from "@/lib/db/client";
import type { DeviceActor, DeviceCredential } from "./actor";
import { hashSecret } from "./secrets";

export const DEVICE_CREDENTIAL_PREFIX = "elda_dev_";

/**
 * Resolve a patient device's bearer credential; revoked or unknown credentials resolve to null.
 * On every phone call, so it is one indexed lookup on the pool (docs/decisions/009-hot-path-sql.md).
 */
export async function resolveDeviceCredential(secret: string): Promise<DeviceActor | null> {
  const { rows } = await pool.query<{ id: string; patient_id: string }>(
    "SELECT id, patient_id FROM patient_devices WHERE credential_hash = $1 AND revoked_at IS NULL",
    [hashSecret(secret)],
  );
  return rows[0] ? { kind: "device", deviceId: rows[0].id, patientId: rows[0].patient_id } : null;
}

/** A bearer token that is a device credential, unchecked (the route checks it in its own statement), or null. */
export function deviceCredentialOf(token: string | null): DeviceCredential | null {
  return token?.startsWith(DEVICE_CREDENTIAL_PREFIX) ? { kind: "device_credential", hash: hashSecret(token) } : null;
}
