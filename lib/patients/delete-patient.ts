import "server-only";
import { db } from "@/lib/db/client";
import { assertPatientAccess } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { erasePatients } from "./erase-patient-rows";

/**
 * Primary caregivers and org admins only; removes everything under the patient (foreign keys cascade), and
 * the few rows that name them without one (erasePatients). Only the audit trail keeps the bare ids (lib/patient-export/erasure.test.ts).
 */
export async function deletePatient(actor: Actor, patientId: string) {
  await db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "manage");
    await erasePatients(tx, [patientId]);
    await recordAudit(tx, actor, { action: "patient.deleted", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  });
}
