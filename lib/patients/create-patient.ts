import "server-only";
import { db } from "@/lib/db/client";
import { NotFound, ValidationFailed } from "@/lib/api/errors";
import { requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { patientData } from "./patient-data";
import { presentPatient } from "./present-patient";
import type { CreatePatientInput } from "./schemas";

/** Any member of the organization may add a patient; the creator becomes its primary caregiver. */
export async function createPatient(actor: Actor, input: CreatePatientInput, now: Date) {
  const me = requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { caregiverId: me.caregiverId, ...(input.organization_id ? { organizationId: input.organization_id } : {}) },
      orderBy: { createdAt: "asc" },
    });
    if (!membership) {
      if (input.organization_id) throw new NotFound("Organization");
      throw new ValidationFailed([{ field: "organization_id", message: "You are not a member of any organization." }]);
    }
    const { organization_id: _org, ...fields } = input;
    void _org;
    const patient = await tx.patient.create({
      data: {
        ...(patientData(fields) as object),
        firstName: input.first_name,
        lastName: input.last_name,
        dateOfBirth: new Date(`${input.date_of_birth}T00:00:00Z`),
        organizationId: membership.organizationId,
        createdAt: now,
      },
    });
    await tx.careTeamMember.create({
      data: { patientId: patient.id, caregiverId: me.caregiverId, standing: "primary", contactOrder: 1, createdAt: now },
    });
    await recordAudit(tx, actor, {
      action: "patient.created",
      targetType: "patient",
      targetId: patient.id,
      patientId: patient.id,
      organizationId: patient.organizationId,
    });
    return presentPatient(patient, now, "primary");
  });
}
