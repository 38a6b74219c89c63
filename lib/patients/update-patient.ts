import "server-only";
import { db } from "@/lib/db/client";
import { assertPatientAccess } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { patientData } from "./patient-data";
import { presentPatient } from "./present-patient";
import type { UpdatePatientInput } from "./schemas";

export async function updatePatient(actor: Actor, patientId: string, input: UpdatePatientInput, now: Date) {
  return db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "write");
    const p = await tx.patient.update({ where: { id: patientId }, data: patientData(input) });
    await recordAudit(tx, actor, {
      action: "patient.updated",
      targetType: "patient",
      targetId: patientId,
      patientId,
      organizationId: access.organizationId,
      metadata: { fields: Object.keys(input) },
    });
    return presentPatient(p, now, access.standing);
  });
}
