import "server-only";
import { db } from "@/lib/db/client";
import { assertPatientAccess } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Primary caregivers and org admins only; removes everything under the patient (foreign keys cascade), and
 * the few rows that name them without one. Only the audit trail keeps the bare ids (lib/patient-export/erasure.test.ts).
 */
export async function deletePatient(actor: Actor, patientId: string) {
  await db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "manage");
    // rows that name the patient, their phones or their alerts without a foreign key: a background job's
    // quarantine entries and the rate-limit windows of setup and the voice companion
    const [devices, alerts] = await Promise.all([
      tx.patientDevice.findMany({ where: { patientId }, select: { id: true } }),
      tx.alert.findMany({ where: { patientId }, select: { id: true } }),
    ]);
    await tx.jobQuarantine.deleteMany({ where: { rowId: { in: [patientId, ...alerts.map((a) => a.id)] } } });
    await tx.rateLimitBucket.deleteMany({ where: { key: { in: [`setup:patient:${patientId}`, ...devices.map((d) => `voice:${d.id}`)] } } });
    await tx.patient.delete({ where: { id: patientId } });
    await recordAudit(tx, actor, { action: "patient.deleted", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  });
}
