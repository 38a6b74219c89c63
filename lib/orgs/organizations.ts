import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@/lib/api/errors";
import { checkFacilityIds } from "./facilities";
import { assertOrgRole, requireCaregiver } from "@/lib/auth/policy";
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { addMemberInput, createOrganizationInput, updateMemberInput, updateOrganizationInput } from "./schemas";

const ALL = ["owner", "admin", "facility_admin", "member"] as const;

export async function listMyOrganizations(actor: Actor) {
  const me = requireCaregiver(actor);
  const rows = await db.membership.findMany({
    where: { caregiverId: me.caregiverId },
    include: { organization: true },
    orderBy: { createdAt: "asc" },
  });
  return { items: rows.map((m) => ({ id: m.organization.id, name: m.organization.name, role: m.role, created_at: m.organization.createdAt.toISOString() })) };
}

/**
 * A caregiver creates another organization and becomes its owner (issue 14 §2); its default facility comes
 * from the database trigger. Ten an hour per caregiver.
 */
export async function createOrganization(actor: Actor, input: z.infer<typeof createOrganizationInput>, now: Date) {
  const me = requireCaregiver(actor);
  await enforceRateLimit(`org-create:${me.caregiverId}`, 10, 3600, now, "You have created several organizations in the last hour. Try again later.");
  const org = await db.$transaction(async (tx) => {
    const o = await tx.organization.create({ data: { name: input.name, createdAt: now } });
    await tx.membership.create({ data: { organizationId: o.id, caregiverId: me.caregiverId, role: "owner", createdAt: now } });
    await recordAudit(tx, actor, { action: "organization.created", targetType: "organization", targetId: o.id, organizationId: o.id });
    return o;
  });
  return { id: org.id, name: org.name, role: "owner" as const, created_at: org.createdAt.toISOString() };
}

export async function getOrganization(actor: Actor, organizationId: string) {
  const role = await assertOrgRole(db, actor, organizationId, [...ALL]);
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const [members, patients] = await Promise.all([db.membership.count({ where: { organizationId } }), db.patient.count({ where: { organizationId } })]);
  return { id: org.id, name: org.name, role, member_count: members, patient_count: patients, created_at: org.createdAt.toISOString() };
}

export async function renameOrganization(actor: Actor, organizationId: string, input: z.infer<typeof updateOrganizationInput>) {
  await db.$transaction(async (tx) => {
    await assertOrgRole(tx, actor, organizationId, ["owner", "admin"]);
    await tx.organization.update({ where: { id: organizationId }, data: { name: input.name } });
    await recordAudit(tx, actor, { action: "organization.renamed", targetType: "organization", targetId: organizationId, organizationId });
  });
  return getOrganization(actor, organizationId);
}

type MemberRow = Awaited<ReturnType<typeof memberRows>>[number];
const memberRows = (tx: Tx, organizationId: string, caregiverId?: string) =>
  tx.membership.findMany({
    where: { organizationId, ...(caregiverId ? { caregiverId } : {}) },
    include: { caregiver: { select: { firstName: true, lastName: true, email: true, isActive: true, totpEnabled: true } } },
    orderBy: { createdAt: "asc" },
  });
const presentMember = (m: MemberRow) => ({
  caregiver_id: m.caregiverId,
  first_name: m.caregiver.firstName,
  last_name: m.caregiver.lastName,
  email: m.caregiver.email,
  role: m.role,
  facility_ids: m.facilityIds,
  is_active: m.caregiver.isActive,
  two_factor_enabled: m.caregiver.totpEnabled,
  joined_at: m.createdAt.toISOString(),
});

export async function listMembers(actor: Actor, organizationId: string) {
  await assertOrgRole(db, actor, organizationId, [...ALL]);
  return { items: (await memberRows(db, organizationId)).map(presentMember) };
}

/** Owners and admins invite an existing caregiver by email; only owners grant the owner role. */
export async function addMember(actor: Actor, organizationId: string, input: z.infer<typeof addMemberInput>, now: Date) {
  return db.$transaction(async (tx) => {
    const myRole = await assertOrgRole(tx, actor, organizationId, ["owner", "admin"]);
    if (input.role === "owner" && myRole !== "owner") throw new Forbidden("Only an owner can add another owner.");
    const caregiver = await tx.caregiver.findUnique({ where: { email: input.email }, select: { id: true, isActive: true } });
    if (!caregiver || !caregiver.isActive) throw new NotFound("Caregiver with this email");
    const existing = await tx.membership.findUnique({ where: { organizationId_caregiverId: { organizationId, caregiverId: caregiver.id } } });
    if (existing) throw new Conflict("This caregiver is already a member.", "already_member");
    const facilityIds = await checkFacilityIds(tx, organizationId, input.facility_ids);
    await tx.membership.create({ data: { organizationId, caregiverId: caregiver.id, role: input.role, facilityIds, createdAt: now } });
    await recordAudit(tx, actor, {
      action: "organization.member_added",
      targetType: "caregiver",
      targetId: caregiver.id,
      organizationId,
      metadata: { role: input.role, facility_ids: facilityIds },
    });
    return presentMember((await memberRows(tx, organizationId, caregiver.id))[0]);
  });
}

async function assertAnotherOwner(tx: Tx, organizationId: string, caregiverId: string, leaving = false) {
  const owners = await tx.membership.count({ where: { organizationId, role: "owner", caregiverId: { not: caregiverId } } });
  if (owners === 0) {
    throw new Conflict(
      leaving
        ? "You are the organization's only owner. Transfer ownership to another member first, or delete the organization."
        : "An organization needs at least one owner. Make someone else owner first.",
      "last_owner",
    );
  }
}

export async function updateMember(actor: Actor, organizationId: string, caregiverId: string, input: z.infer<typeof updateMemberInput>) {
  return db.$transaction(async (tx) => {
    const myRole = await assertOrgRole(tx, actor, organizationId, ["owner", "admin"]);
    const m = await tx.membership.findUnique({ where: { organizationId_caregiverId: { organizationId, caregiverId } } });
    if (!m) throw new NotFound("Member");
    const role = input.role ?? m.role;
    if ((m.role === "owner" || role === "owner") && myRole !== "owner") throw new Forbidden("Only an owner can change an owner's role or make an owner.");
    if (m.role === "owner" && role !== "owner") await assertAnotherOwner(tx, organizationId, caregiverId);
    // facilities belong to an admin's membership; another role drops them
    const facilityIds = role === "admin" ? await checkFacilityIds(tx, organizationId, input.facility_ids ?? m.facilityIds) : [];
    if (role !== "admin" && input.facility_ids?.length)
      throw new ValidationFailed([{ field: "facility_ids", message: "Only an admin's membership lists facilities." }]);
    await tx.membership.update({ where: { id: m.id }, data: { role, facilityIds } });
    await recordAudit(tx, actor, {
      action: "organization.member_role_changed",
      targetType: "caregiver",
      targetId: caregiverId,
      organizationId,
      metadata: { from: m.role, to: role, facility_ids: facilityIds },
    });
    return presentMember((await memberRows(tx, organizationId, caregiverId))[0]);
  });
}

/** Removing a member also takes them off the care teams of the organization's patients. */
export async function removeMember(actor: Actor, organizationId: string, caregiverId: string) {
  const me = requireCaregiver(actor);
  await db.$transaction(async (tx) => {
    const leaving = me.caregiverId === caregiverId;
    const myRole = await assertOrgRole(tx, actor, organizationId, leaving ? [...ALL] : ["owner", "admin"]);
    const m = await tx.membership.findUnique({ where: { organizationId_caregiverId: { organizationId, caregiverId } } });
    if (!m) throw new NotFound("Member");
    if (m.role === "owner" && !leaving && myRole !== "owner") throw new Forbidden("Only an owner can remove an owner.");
    await dropMembership(tx, actor, m, leaving ? "organization.member_left" : "organization.member_removed");
  });
}

/**
 * The one way a membership ends (removed by an admin, or the member leaving): never the last owner, never
 * the only primary caregiver of a patient (the refusal names them, so the office knows whose care team to
 * fix); the member leaves the organization's care teams with it. Audited.
 */
export async function dropMembership(
  tx: Tx,
  actor: Actor,
  m: { id: string; organizationId: string; caregiverId: string; role: string },
  action: "organization.member_left" | "organization.member_removed",
) {
  const { organizationId, caregiverId } = m;
  if (m.role === "owner") await assertAnotherOwner(tx, organizationId, caregiverId, action === "organization.member_left");
  const teams = await tx.careTeamMember.findMany({
    where: { caregiverId, patient: { organizationId } },
    select: { id: true, patientId: true, standing: true, patient: { select: { firstName: true, lastName: true } } },
  });
  const orphaned: string[] = [];
  for (const t of teams) {
    if (t.standing !== "primary") continue;
    const others = await tx.careTeamMember.count({ where: { patientId: t.patientId, standing: "primary", caregiverId: { not: caregiverId } } });
    if (others === 0) orphaned.push(`${t.patient.firstName} ${t.patient.lastName}`);
  }
  if (orphaned.length) {
    const who = action === "organization.member_left" ? "You are" : "This caregiver is";
    throw new Conflict(
      `${who} the only primary caregiver of ${orphaned.sort().join(", ")}. Make someone else their primary caregiver first, so escalation always has someone to call.`,
      "last_primary",
    );
  }
  await tx.careTeamMember.deleteMany({ where: { id: { in: teams.map((t) => t.id) } } });
  await tx.membership.delete({ where: { id: m.id } });
  await recordAudit(tx, actor, { action, targetType: "caregiver", targetId: caregiverId, organizationId, metadata: { care_teams_left: teams.length } });
}
