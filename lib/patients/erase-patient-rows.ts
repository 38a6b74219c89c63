import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * Erase patients (SPEC §8 erasure): everything under them goes by foreign key cascade; these are the few rows
 * that name them, their phones or their alerts without one (a background job's quarantine entries, the
 * rate-limit windows of setup and the voice companion). Only the audit trail keeps the bare ids.
 */
export async function erasePatients(tx: Tx, patientIds: string[]) {
  if (patientIds.length === 0) return;
  const [devices, alerts] = await Promise.all([
    tx.patientDevice.findMany({ where: { patientId: { in: patientIds } }, select: { id: true } }),
    tx.alert.findMany({ where: { patientId: { in: patientIds } }, select: { id: true } }),
  ]);
  await tx.jobQuarantine.deleteMany({ where: { rowId: { in: [...patientIds, ...alerts.map((a) => a.id)] } } });
  await tx.rateLimitBucket.deleteMany({ where: { key: { in: [...patientIds.map((id) => `setup:patient:${id}`), ...devices.map((d) => `voice:${d.id}`)] } } });
  await tx.patient.deleteMany({ where: { id: { in: patientIds } } });
}
