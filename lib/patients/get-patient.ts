import "server-only";
import { db } from "@/lib/db/client";
import { assertPatientAccess } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/api/errors";
import { presentPatient } from "./present-patient";

export async function getPatient(actor: Actor, patientId: string, now: Date) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const p = await db.patient.findUnique({ where: { id: patientId } });
  if (!p) throw new NotFound("Patient");
  await recordAudit(db, actor, { action: "patient.read", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return presentPatient(p, now, access.standing);
}
