import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { Conflict, NotFound, ValidationFailed } from "@/lib/api/errors";
import { assertOrgMembership, type OrgMembership } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Facility } from "@/lib/db/generated/client";
import { createFacilityInput, updateFacilityInput } from "./schemas";

/**
 * Facilities (SPEC §1): branches or buildings of an organization. Every member sees the list (names are
 * what a transfer or an invitation names); owners and admins of the whole organization create, rename and
 * delete them; patient counts show only for the facilities the caller administers.
 */
const EVERYONE = ["owner", "admin", "facility_admin", "member"] as const;
const WHOLE_ORG = ["owner", "admin"] as const;

const counts = (tx: Tx, organizationId: string) =>
  tx.patient
    .groupBy({ by: ["facilityId"], where: { organizationId }, _count: { _all: true } })
    .then((rows) => new Map(rows.map((r) => [r.facilityId, r._count._all])));

const sees = (m: OrgMembership, facilityId: string) => m.role !== "member" && (m.adminOf === null || m.adminOf.includes(facilityId));

function present(f: Facility, m: OrgMembership, n: Map<string, number>) {
  return {
    id: f.id,
    organization_id: f.organizationId,
    name: f.name,
    address: f.address,
    is_default: f.isDefault,
    patient_count: sees(m, f.id) ? (n.get(f.id) ?? 0) : null,
    created_at: f.createdAt.toISOString(),
  };
}

export async function listFacilities(actor: Actor, organizationId: string) {
  const m = await assertOrgMembership(db, actor, organizationId, [...EVERYONE]);
  const [rows, n] = await Promise.all([
    db.facility.findMany({ where: { organizationId }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] }),
    counts(db, organizationId),
  ]);
  return { items: rows.map((f) => present(f, m, n)) };
}

async function facilityOf(tx: Tx, organizationId: string, facilityId: string) {
  const f = await tx.facility.findFirst({ where: { id: facilityId, organizationId } });
  if (!f) throw new NotFound("Facility");
  return f;
}

export async function getFacility(actor: Actor, organizationId: string, facilityId: string) {
  const m = await assertOrgMembership(db, actor, organizationId, [...EVERYONE]);
  return present(await facilityOf(db, organizationId, facilityId), m, await counts(db, organizationId));
}

const nameTaken = () => new ValidationFailed([{ field: "name", message: "Another facility of this organization has this name." }]);

export async function createFacility(actor: Actor, organizationId: string, input: z.infer<typeof createFacilityInput>, now: Date) {
  return db.$transaction(async (tx) => {
    const m = await assertOrgMembership(tx, actor, organizationId, [...WHOLE_ORG]);
    if (await tx.facility.findFirst({ where: { organizationId, name: input.name } })) throw nameTaken();
    const f = await tx.facility.create({ data: { organizationId, name: input.name, address: input.address ?? null, createdAt: now } });
    await recordAudit(tx, actor, { action: "facility.created", targetType: "facility", targetId: f.id, organizationId });
    return present(f, m, new Map());
  });
}

export async function updateFacility(actor: Actor, organizationId: string, facilityId: string, input: z.infer<typeof updateFacilityInput>) {
  return db.$transaction(async (tx) => {
    const m = await assertOrgMembership(tx, actor, organizationId, [...WHOLE_ORG]);
    const f = await facilityOf(tx, organizationId, facilityId);
    if (input.name && input.name !== f.name && (await tx.facility.findFirst({ where: { organizationId, name: input.name } }))) throw nameTaken();
    if (input.is_default && !f.isDefault) await tx.facility.updateMany({ where: { organizationId, isDefault: true }, data: { isDefault: false } });
    const updated = await tx.facility.update({
      where: { id: f.id },
      data: {
        ...(input.name && { name: input.name }),
        ...(input.address !== undefined && { address: input.address }),
        ...(input.is_default && { isDefault: true }),
      },
    });
    await recordAudit(tx, actor, {
      action: "facility.updated",
      targetType: "facility",
      targetId: f.id,
      organizationId,
      metadata: { fields: Object.keys(input) },
    });
    return present(updated, m, await counts(tx, organizationId));
  });
}

/** Only an empty facility goes: no patients (transfer them first), no admin listing it, not the default. */
export async function deleteFacility(actor: Actor, organizationId: string, facilityId: string) {
  await db.$transaction(async (tx) => {
    await assertOrgMembership(tx, actor, organizationId, [...WHOLE_ORG]);
    const f = await facilityOf(tx, organizationId, facilityId);
    if (f.isDefault) throw new Conflict("The default facility cannot be deleted. Make another facility the default first.", "default_facility");
    if (await tx.patient.count({ where: { facilityId } }))
      throw new Conflict("This facility still has patients. Transfer them to another facility first.", "facility_has_patients");
    if (await tx.membership.count({ where: { organizationId, facilityIds: { has: facilityId } } }))
      throw new Conflict("Some admins administer this facility. Change their facilities first.", "facility_has_admins");
    await tx.facility.delete({ where: { id: f.id } });
    await recordAudit(tx, actor, { action: "facility.deleted", targetType: "facility", targetId: f.id, organizationId, metadata: { name: f.name } });
  });
}

/** Facility ids given for an admin membership: each must be one of this organization's. */
export async function checkFacilityIds(tx: Tx, organizationId: string, ids: string[], field = "facility_ids") {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const found = await tx.facility.count({ where: { organizationId, id: { in: unique } } });
  if (found !== unique.length) throw new ValidationFailed([{ field, message: "Each facility must belong to this organization." }]);
  return unique;
}
