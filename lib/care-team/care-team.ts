import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { Conflict, NotFound } from "@/lib/api/errors";
import { limitInvitations, presentInvitation, recordInvitation } from "@/lib/invitations/invitations";
import { assertPatientAccess } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { addCareTeamMemberInput, updateCareTeamMemberInput } from "./schemas";

type MemberRow = Awaited<ReturnType<typeof memberRows>>[number];

function memberRows(tx: Tx, patientId: string, caregiverId?: string) {
  return tx.careTeamMember.findMany({
    where: { patientId, ...(caregiverId ? { caregiverId } : {}) },
    include: { caregiver: { select: { firstName: true, lastName: true, email: true, phoneNumber: true } } },
    orderBy: [{ contactOrder: "asc" }, { createdAt: "asc" }],
  });
}

const present = (m: MemberRow) => ({
  caregiver_id: m.caregiverId,
  first_name: m.caregiver.firstName,
  last_name: m.caregiver.lastName,
  email: m.caregiver.email,
  phone_number: m.caregiver.phoneNumber,
  standing: m.standing,
  contact_order: m.contactOrder,
  added_at: m.createdAt.toISOString(),
});

export async function listCareTeam(actor: Actor, patientId: string) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const rows = await memberRows(db, patientId);
  await recordAudit(db, actor, { action: "care_team.listed", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return { items: rows.map(present) };
}

/**
 * Add someone to the care team by email: a member of the patient's organization is added at once (201, the
 * member); anyone else gets an invitation naming the patient and the standing (202), whether or not the
 * address has an account, so the answer never tells which.
 */
export async function addCareTeamMember(actor: Actor, patientId: string, input: z.infer<typeof addCareTeamMemberInput>, now: Date) {
  await limitInvitations(actor, now);
  const added = await db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "manage");
    const member = await tx.membership.findFirst({
      where: { organizationId: access.organizationId, caregiver: { email: input.email, isActive: true } },
      select: { caregiverId: true },
    });
    if (!member) {
      const invitation = await recordInvitation(
        tx,
        actor,
        access.organizationId,
        { email: input.email, role: "member", patient_id: patientId, standing: input.standing },
        now,
      );
      return { invitation };
    }
    const caregiverId = member.caregiverId;
    const existing = await tx.careTeamMember.findUnique({ where: { patientId_caregiverId: { patientId, caregiverId } } });
    if (existing) throw new Conflict("This caregiver is already on the care team.", "already_on_team");
    const last = await tx.careTeamMember.aggregate({ where: { patientId }, _max: { contactOrder: true } });
    await tx.careTeamMember.create({
      data: { patientId, caregiverId, standing: input.standing, contactOrder: input.contact_order ?? (last._max.contactOrder ?? 0) + 1, createdAt: now },
    });
    await recordAudit(tx, actor, {
      action: "care_team.member_added",
      targetType: "caregiver",
      targetId: caregiverId,
      patientId,
      organizationId: access.organizationId,
      metadata: { standing: input.standing },
    });
    return { member: present((await memberRows(tx, patientId, caregiverId))[0]!) };
  });
  if (added.member) return { added: added.member };
  await added.invitation.deliver();
  return { invited: presentInvitation(added.invitation.row, now) };
}

async function assertAnotherPrimary(tx: Tx, patientId: string, caregiverId: string) {
  const others = await tx.careTeamMember.count({ where: { patientId, standing: "primary", caregiverId: { not: caregiverId } } });
  if (others === 0) throw new Conflict("A patient needs at least one primary caregiver. Make someone else primary first.", "last_primary");
}

export async function updateCareTeamMember(actor: Actor, patientId: string, caregiverId: string, input: z.infer<typeof updateCareTeamMemberInput>) {
  return db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "manage");
    const member = await tx.careTeamMember.findUnique({ where: { patientId_caregiverId: { patientId, caregiverId } } });
    if (!member) throw new NotFound("Care team member");
    if (member.standing === "primary" && input.standing && input.standing !== "primary") await assertAnotherPrimary(tx, patientId, caregiverId);
    await tx.careTeamMember.update({
      where: { id: member.id },
      data: { ...(input.standing && { standing: input.standing }), ...(input.contact_order && { contactOrder: input.contact_order }) },
    });
    await recordAudit(tx, actor, {
      action: "care_team.member_updated",
      targetType: "caregiver",
      targetId: caregiverId,
      patientId,
      organizationId: access.organizationId,
      metadata: input,
    });
    return present((await memberRows(tx, patientId, caregiverId))[0]);
  });
}

export async function removeCareTeamMember(actor: Actor, patientId: string, caregiverId: string) {
  await db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "manage");
    const member = await tx.careTeamMember.findUnique({ where: { patientId_caregiverId: { patientId, caregiverId } } });
    if (!member) throw new NotFound("Care team member");
    if (member.standing === "primary") await assertAnotherPrimary(tx, patientId, caregiverId);
    await tx.careTeamMember.delete({ where: { id: member.id } });
    await recordAudit(tx, actor, {
      action: "care_team.member_removed",
      targetType: "caregiver",
      targetId: caregiverId,
      patientId,
      organizationId: access.organizationId,
    });
  });
}
