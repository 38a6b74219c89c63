import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { Forbidden, NotFound, ValidationFailed } from "@/lib/api/errors";
import { requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { patientData } from "./patient-data";
import { presentPatient } from "./present-patient";
import type { CreatePatientInput } from "./schemas";

/**
 * Any member of the organization may add a patient, in any of its facilities (default: the default facility);
 * a facility admin only in their own facilities (default: the first of them). The creator becomes its primary caregiver.
 */
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
    const facilityId = await facilityForNewPatient(tx, membership, input.facility_id);
    const { organization_id: _org, facility_id: _facility, ...fields } = input;
    void _org;
    void _facility;
    const patient = await tx.patient.create({
      data: {
        ...(patientData(fields) as object),
        firstName: input.first_name,
        lastName: input.last_name,
        dateOfBirth: new Date(`${input.date_of_birth}T00:00:00Z`),
        organizationId: membership.organizationId,
        facilityId,
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

async function facilityForNewPatient(tx: Tx, m: { organizationId: string; role: string; facilityIds: string[] }, asked: string | undefined): Promise<string> {
  const facilityAdmin = m.role === "admin" && m.facilityIds.length > 0;
  if (asked) {
    const f = await tx.facility.findFirst({ where: { id: asked, organizationId: m.organizationId }, select: { id: true } });
    if (!f) throw new ValidationFailed([{ field: "facility_id", message: "No such facility in this organization." }]);
    if (facilityAdmin && !m.facilityIds.includes(asked)) throw new Forbidden("A facility admin adds patients to their own facilities only.");
    return f.id;
  }
  if (facilityAdmin) return m.facilityIds[0];
  const f = await tx.facility.findFirstOrThrow({ where: { organizationId: m.organizationId, isDefault: true }, select: { id: true } });
  return f.id;
}
