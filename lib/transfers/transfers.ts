import "server-only";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@/lib/api/errors";
import { administers, assertOrgMembership, assertPatientAccess, requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { acceptTransferInput, requestTransferInput, transferListQuery, TRANSFER_STATUSES } from "./schemas";

/**
 * Patient transfer between facilities and organizations (issue 14 §4, docs/decisions/027): requested by an
 * admin of the source (who may withdraw it while pending), accepted or declined by an admin of the destination
 * within 7 days. On acceptance the
 * patient row changes organization and facility and everything keyed by the patient (schedules, reminders,
 * conversations, alerts, consents, paired phones, queued notifications and jobs) goes with it untouched.
 */
export const TRANSFER_DAYS = 7;
const DAY = 86_400_000;

const withNames = {
  patient: { select: { firstName: true, lastName: true } },
  fromOrganization: { select: { name: true } },
  toOrganization: { select: { name: true } },
  fromFacility: { select: { name: true } },
  toFacility: { select: { name: true } },
  requestedBy: { select: { id: true, firstName: true, lastName: true } },
  decidedBy: { select: { id: true, firstName: true, lastName: true } },
} as const;
type Row = Prisma.PatientTransferGetPayload<{ include: typeof withNames }>;
type Status = (typeof TRANSFER_STATUSES)[number];

const statusOf = (t: { status: Status; expiresAt: Date }, now: Date): Status => (t.status === "pending" && t.expiresAt <= now ? "expired" : t.status);
const person = (c: { id: string; firstName: string; lastName: string } | null) => (c ? { caregiver_id: c.id, name: `${c.firstName} ${c.lastName}` } : null);

function present(t: Row, now: Date, removed?: string[]) {
  return {
    id: t.id,
    patient_id: t.patientId,
    patient_name: `${t.patient.firstName} ${t.patient.lastName}`,
    from: {
      organization_id: t.fromOrganizationId,
      organization_name: t.fromOrganization.name,
      facility_id: t.fromFacilityId,
      facility_name: t.fromFacility?.name ?? null,
    },
    to: {
      organization_id: t.toOrganizationId,
      organization_name: t.toOrganization.name,
      facility_id: t.toFacilityId,
      facility_name: t.toFacility?.name ?? null,
    },
    status: statusOf(t, now),
    note: t.note,
    requested_by: person(t.requestedBy),
    decided_by: person(t.decidedBy),
    expires_at: t.expiresAt.toISOString(),
    decided_at: t.decidedAt?.toISOString() ?? null,
    created_at: t.createdAt.toISOString(),
    ...(removed ? { removed_from_care_team: removed } : {}),
  };
}

const load = (tx: Tx, id: string) => tx.patientTransfer.findUniqueOrThrow({ where: { id }, include: withNames });

export async function requestTransfer(actor: Actor, patientId: string, input: z.infer<typeof requestTransferInput>, now: Date) {
  try {
    return await db.$transaction(async (tx) => {
      const access = await assertPatientAccess(tx, actor, patientId, "manage");
      if (access.orgRole !== "owner" && access.orgRole !== "admin")
        throw new Forbidden("Only an admin of the patient's organization or facility can transfer a patient.");
      const dest = await tx.organization.findUnique({ where: { id: input.to_organization_id }, select: { id: true } });
      if (!dest) throw new NotFound("Organization");
      const facility = await tx.facility.findFirst({
        where: { organizationId: dest.id, ...(input.to_facility_id ? { id: input.to_facility_id } : { isDefault: true }) },
        select: { id: true },
      });
      if (!facility) throw new ValidationFailed([{ field: "to_facility_id", message: "Not a facility of the destination organization." }]);
      if (facility.id === access.facilityId) throw new ValidationFailed([{ field: "to_facility_id", message: "The patient is already in this facility." }]);
      const critical = await tx.alert.count({ where: { patientId, severity: "critical", status: { in: ["open", "acknowledged"] } } });
      if (critical > 0 && !input.confirm_open_critical)
        throw new Conflict(
          "The patient has an open critical alert. Resolve it first, or send confirm_open_critical: true to transfer anyway.",
          "open_critical_alert",
        );
      await tx.patientTransfer.updateMany({ where: { patientId, status: "pending", expiresAt: { lte: now } }, data: { status: "expired" } });
      if (await tx.patientTransfer.count({ where: { patientId, status: "pending" } })) throw pendingConflict();
      const t = await tx.patientTransfer.create({
        data: {
          patientId,
          fromOrganizationId: access.organizationId,
          fromFacilityId: access.facilityId,
          toOrganizationId: dest.id,
          toFacilityId: facility.id,
          note: input.note || null,
          requestedById: requireCaregiver(actor).caregiverId,
          expiresAt: new Date(now.getTime() + TRANSFER_DAYS * DAY),
          createdAt: now,
        },
      });
      const entry = { action: "patient.transfer_requested", targetType: "patient_transfer", targetId: t.id, patientId };
      const metadata = { from_facility_id: access.facilityId, to_organization_id: dest.id, to_facility_id: facility.id, open_critical_alerts: critical };
      await recordAudit(tx, actor, { ...entry, organizationId: access.organizationId, metadata });
      if (dest.id !== access.organizationId) await recordAudit(tx, actor, { ...entry, organizationId: dest.id, metadata });
      return present(await load(tx, t.id), now);
    });
  } catch (err) {
    // two requests at once: the partial unique index lets one through
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw pendingConflict();
    throw err;
  }
}

const pendingConflict = () => new Conflict("A transfer of this patient is already pending.", "transfer_pending");

/**
 * The transfer, locked, for an admin of one side: its destination (accept, decline) or its source (withdraw).
 * 404 to anyone in neither organization; 403 to a member of either who does not administer that side's
 * facility; 409 once it is no longer pending (an expired one reads as expired, whatever its row still says).
 */
async function forSideAdmin(tx: Tx, actor: Actor, id: string, side: "source" | "destination", now: Date) {
  const me = requireCaregiver(actor);
  await tx.$queryRaw`SELECT id FROM patient_transfers WHERE id = ${id}::uuid FOR UPDATE`;
  const t = await tx.patientTransfer.findUnique({ where: { id }, include: withNames });
  if (!t) throw new NotFound("Transfer");
  const [organizationId, facilityId] = side === "destination" ? [t.toOrganizationId, t.toFacilityId] : [t.fromOrganizationId, t.fromFacilityId];
  const mine = await tx.membership.findMany({
    where: { organizationId: { in: [t.fromOrganizationId, t.toOrganizationId] }, caregiverId: me.caregiverId },
    select: { organizationId: true, role: true, facilityIds: true },
  });
  if (mine.length === 0) throw new NotFound("Transfer");
  const m = mine.find((x) => x.organizationId === organizationId);
  if (!m || !administers(m.role, m.facilityIds, facilityId ?? ""))
    throw new Forbidden(
      side === "destination"
        ? "Only an admin of the destination organization or facility can accept or decline a transfer."
        : "Only an admin of the organization or facility the patient is leaving can withdraw a transfer.",
    );
  const status = statusOf(t, now);
  if (status !== "pending") throw new Conflict(`This transfer is ${status}.`, `transfer_${status}`);
  return t;
}

/** Both organizations' audit trails (one row when the transfer stays within one organization). */
async function auditBothSides(
  tx: Tx,
  actor: Actor,
  t: { fromOrganizationId: string; toOrganizationId: string; patientId: string },
  action: string,
  id: string,
) {
  const entry = { action, targetType: "patient_transfer", targetId: id, patientId: t.patientId };
  await recordAudit(tx, actor, { ...entry, organizationId: t.fromOrganizationId });
  if (t.fromOrganizationId !== t.toOrganizationId) await recordAudit(tx, actor, { ...entry, organizationId: t.toOrganizationId });
}

/** Withdraw a pending transfer (an admin of the source): the patient stays, and another transfer may be asked for. */
export async function withdrawTransfer(actor: Actor, id: string, now: Date) {
  return db.$transaction(async (tx) => {
    const t = await forSideAdmin(tx, actor, id, "source", now);
    await tx.patientTransfer.update({ where: { id }, data: { status: "withdrawn", decidedById: requireCaregiver(actor).caregiverId, decidedAt: now } });
    await auditBothSides(tx, actor, t, "patient.transfer_withdrawn", id);
    return present(await load(tx, id), now);
  });
}

export async function declineTransfer(actor: Actor, id: string, now: Date) {
  return db.$transaction(async (tx) => {
    const t = await forSideAdmin(tx, actor, id, "destination", now);
    await tx.patientTransfer.update({ where: { id }, data: { status: "declined", decidedById: requireCaregiver(actor).caregiverId, decidedAt: now } });
    await auditBothSides(tx, actor, t, "patient.transfer_declined", id);
    return present(await load(tx, id), now);
  });
}

/**
 * Accept: the patient moves. Care-team members who are not members of the destination are removed, unless the
 * destination has a live invitation naming the patient for their email or phone; the destination must then have
 * a primary caregiver among its members (the accepting admin may name one). The source's pending invitations
 * naming the patient are revoked. Both audit trails record it.
 */
export async function acceptTransfer(actor: Actor, id: string, input: z.infer<typeof acceptTransferInput>, now: Date) {
  return db.$transaction(async (tx) => {
    const t = await forSideAdmin(tx, actor, id, "destination", now);
    const patient = await tx.patient.findUniqueOrThrow({ where: { id: t.patientId }, select: { organizationId: true } });
    if (patient.organizationId !== t.fromOrganizationId) throw new Conflict("The patient is no longer in the organization that asked.", "transfer_stale");
    const crossOrg = t.fromOrganizationId !== t.toOrganizationId;
    const team = await tx.careTeamMember.findMany({
      where: { patientId: t.patientId },
      select: { id: true, caregiverId: true, standing: true, caregiver: { select: { email: true, phoneNumber: true } } },
    });
    const destMembers = new Set(
      (await tx.membership.findMany({ where: { organizationId: t.toOrganizationId }, select: { caregiverId: true } })).map((m) => m.caregiverId),
    );
    const invites = await tx.invitation.findMany({
      where: { organizationId: t.toOrganizationId, patientId: t.patientId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { email: true, phoneNumber: true },
    });
    const invited = (c: { email: string; phoneNumber: string | null }) =>
      invites.some((i) => (i.email && i.email === c.email.toLowerCase()) || (i.phoneNumber && i.phoneNumber === c.phoneNumber));
    const removed = crossOrg ? team.filter((m) => !destMembers.has(m.caregiverId) && !invited(m.caregiver)) : [];
    if (input.primary_caregiver_id && !destMembers.has(input.primary_caregiver_id))
      throw new ValidationFailed([{ field: "primary_caregiver_id", message: "Must be a member of the destination organization." }]);
    const primaries = team.filter((m) => m.standing === "primary" && destMembers.has(m.caregiverId));
    if (!input.primary_caregiver_id && primaries.length === 0)
      throw new Conflict(
        "The patient needs a primary caregiver who is a member of the destination organization: name one with primary_caregiver_id.",
        "primary_caregiver_required",
      );
    await tx.careTeamMember.deleteMany({ where: { id: { in: removed.map((m) => m.id) } } });
    if (input.primary_caregiver_id) {
      await tx.careTeamMember.upsert({
        where: { patientId_caregiverId: { patientId: t.patientId, caregiverId: input.primary_caregiver_id } },
        create: { patientId: t.patientId, caregiverId: input.primary_caregiver_id, standing: "primary", contactOrder: 1 },
        update: { standing: "primary" },
      });
    }
    const facilityId =
      t.toFacilityId ?? (await tx.facility.findFirstOrThrow({ where: { organizationId: t.toOrganizationId, isDefault: true }, select: { id: true } })).id;
    await tx.patient.update({ where: { id: t.patientId }, data: { organizationId: t.toOrganizationId, facilityId } });
    if (crossOrg)
      await tx.invitation.updateMany({
        where: { organizationId: t.fromOrganizationId, patientId: t.patientId, acceptedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
    await tx.patientTransfer.update({ where: { id }, data: { status: "accepted", decidedById: requireCaregiver(actor).caregiverId, decidedAt: now } });
    const metadata = {
      transfer_id: id,
      from_organization_id: t.fromOrganizationId,
      from_facility_id: t.fromFacilityId,
      to_organization_id: t.toOrganizationId,
      to_facility_id: facilityId,
      removed_from_care_team: removed.map((m) => m.caregiverId),
      primary_caregiver_id: input.primary_caregiver_id ?? null,
    };
    const entry = { targetType: "patient", targetId: t.patientId, patientId: t.patientId, metadata };
    await recordAudit(tx, actor, { ...entry, action: crossOrg ? "patient.transferred_out" : "patient.transferred", organizationId: t.fromOrganizationId });
    if (crossOrg) await recordAudit(tx, actor, { ...entry, action: "patient.transferred_in", organizationId: t.toOrganizationId });
    return present(
      await load(tx, id),
      now,
      removed.map((m) => m.caregiverId),
    );
  });
}

/** Transfers in and out of an organization, newest first: owners and admins; a facility admin sees those of their facilities. */
export async function listTransfers(actor: Actor, organizationId: string, query: z.infer<typeof transferListQuery>, now: Date) {
  const m = await assertOrgMembership(db, actor, organizationId, ["owner", "admin", "facility_admin"]);
  const mine = (field: "fromFacilityId" | "toFacilityId") => (m.adminOf ? { [field]: { in: m.adminOf } } : {});
  const sides: Prisma.PatientTransferWhereInput[] = [];
  if (query.direction !== "in") sides.push({ fromOrganizationId: organizationId, ...mine("fromFacilityId") });
  if (query.direction !== "out") sides.push({ toOrganizationId: organizationId, ...mine("toFacilityId") });
  const status: Prisma.PatientTransferWhereInput =
    query.status === "pending"
      ? { status: "pending", expiresAt: { gt: now } }
      : query.status === "expired"
        ? { OR: [{ status: "expired" }, { status: "pending", expiresAt: { lte: now } }] }
        : query.status
          ? { status: query.status }
          : {};
  const rows = await db.patientTransfer.findMany({ where: { AND: [{ OR: sides }, status] }, include: withNames, orderBy: { createdAt: "desc" }, take: 500 });
  return { items: rows.map((t) => present(t, now)) };
}
