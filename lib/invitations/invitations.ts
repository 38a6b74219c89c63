import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@/lib/api/errors";
import { assertOrgMembership, assertPatientAccess, requireCaregiver, type OrgMembership } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import { hashSecret, newSecret } from "@/lib/auth/secrets";
import { recordAudit } from "@/lib/audit/record-audit";
import { organizationSettingsFor } from "@/lib/orgs/settings";
import type { Invitation } from "@/lib/db/generated/client";
import { sendInvitation } from "./send-invitation";
import type { CreateInvitationInput, INVITATION_STATUSES } from "./schemas";

/**
 * Invitations (SPEC §1): owners, admins and facility admins invite by email or SMS; a primary caregiver's
 * "add to care team" invites someone not yet in the organization. The answer never says whether the address
 * has an account. The link's token is shown once, in the message; only its SHA-256 is kept.
 */
const DAY = 86_400_000;
const INVITERS = ["owner", "admin", "facility_admin"] as const;
const withPeople = {
  invitedBy: { select: { id: true, firstName: true, lastName: true, language: true } },
  acceptedBy: { select: { id: true, firstName: true, lastName: true } },
} as const;
type Row = Prisma.InvitationGetPayload<{ include: typeof withPeople }>;

export function invitationStatus(i: Invitation, now: Date): (typeof INVITATION_STATUSES)[number] {
  if (i.acceptedAt) return "accepted";
  if (i.revokedAt) return "revoked";
  return i.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

const person = (c: { id: string; firstName: string; lastName: string } | null) => (c ? { caregiver_id: c.id, name: `${c.firstName} ${c.lastName}` } : null);

export function presentInvitation(i: Row, now: Date) {
  return {
    id: i.id,
    organization_id: i.organizationId,
    channel: i.email ? ("email" as const) : ("sms" as const),
    email: i.email,
    phone_number: i.phoneNumber,
    role: i.role,
    patient_id: i.patientId,
    standing: i.standing,
    status: invitationStatus(i, now),
    invited_by: person(i.invitedBy),
    accepted_by: person(i.acceptedBy),
    expires_at: i.expiresAt.toISOString(),
    sent_at: i.sentAt.toISOString(),
    send_count: i.sendCount,
    accepted_at: i.acceptedAt?.toISOString() ?? null,
    revoked_at: i.revokedAt?.toISOString() ?? null,
    created_at: i.createdAt.toISOString(),
  };
}

async function send(i: Row, token: string, now: Date) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: i.organizationId }, select: { name: true } });
  await sendInvitation(
    db,
    {
      organizationId: i.organizationId,
      organizationName: org.name,
      inviterName: i.invitedBy ? `${i.invitedBy.firstName} ${i.invitedBy.lastName}` : org.name,
      email: i.email,
      phoneNumber: i.phoneNumber,
      token,
      expiresAt: i.expiresAt,
      language: i.invitedBy?.language ?? null,
    },
    now,
    `invitation:${i.id}:${i.sendCount}`,
  );
}

/** At most 100 invitations (and resends) an hour per caregiver; checked before the transaction that records one. */
export async function limitInvitations(actor: Actor, now: Date) {
  const me = requireCaregiver(actor);
  await enforceRateLimit(`invite:${me.caregiverId}`, 100, 3600, now, "Too many invitations in an hour. Try again later.");
}

/**
 * Record an invitation (the caller has checked who may invite, and limitInvitations) and return it with its
 * token; `deliver` sends it once the transaction has committed.
 */
export async function recordInvitation(tx: Tx, actor: Actor, organizationId: string, input: CreateInvitationInput, now: Date) {
  const me = requireCaregiver(actor);
  const settings = await organizationSettingsFor(tx, organizationId);
  const token = newSecret("elda_inv_");
  const row = await tx.invitation.create({
    data: {
      organizationId,
      email: input.email ?? null,
      phoneNumber: input.phone_number ?? null,
      role: input.role,
      patientId: input.patient_id ?? null,
      standing: input.patient_id ? (input.standing ?? "secondary") : null,
      tokenHash: hashSecret(token),
      invitedById: me.caregiverId,
      expiresAt: new Date(now.getTime() + settings.invitations.expiry_days * DAY),
      sentAt: now,
      createdAt: now,
    },
    include: withPeople,
  });
  await recordAudit(tx, actor, {
    action: "invitation.created",
    targetType: "invitation",
    targetId: row.id,
    organizationId,
    patientId: row.patientId,
    metadata: { channel: row.email ? "email" : "sms", role: row.role, standing: row.standing },
  });
  return { row, deliver: () => send(row, token, now) };
}

/** The inviter's right to name this patient: they manage it (primary caregiver, or admin over its facility). */
async function assertMayNamePatient(tx: Tx, actor: Actor, organizationId: string, patientId: string) {
  const access = await assertPatientAccess(tx, actor, patientId, "manage");
  if (access.organizationId !== organizationId) throw new ValidationFailed([{ field: "patient_id", message: "The patient is not in this organization." }]);
}

export async function createInvitation(actor: Actor, organizationId: string, input: CreateInvitationInput, now: Date) {
  await limitInvitations(actor, now);
  const { row, deliver } = await db.$transaction(async (tx) => {
    const m = await assertOrgMembership(tx, actor, organizationId, [...INVITERS]);
    if (input.role === "admin" && m.adminOf !== null) throw new Forbidden("Only owners and admins of the whole organization invite admins.");
    if (input.patient_id) await assertMayNamePatient(tx, actor, organizationId, input.patient_id);
    if (input.email) {
      const member = await tx.membership.findFirst({ where: { organizationId, caregiver: { email: input.email } }, select: { id: true } });
      if (member) throw new Conflict("This person is already a member of the organization. Add them to the care team directly.", "already_member");
    }
    return recordInvitation(tx, actor, organizationId, input, now);
  });
  await deliver();
  return presentInvitation(row, now);
}

/** Owners and admins of the whole organization see every invitation; a facility admin those it sent or naming its patients. */
function visibleTo(m: OrgMembership, caregiverId: string): Prisma.InvitationWhereInput {
  if (m.adminOf === null) return {};
  return { OR: [{ invitedById: caregiverId }, { patient: { facilityId: { in: m.adminOf } } }] };
}

export async function listInvitations(actor: Actor, organizationId: string, status: (typeof INVITATION_STATUSES)[number] | undefined, now: Date) {
  const me = requireCaregiver(actor);
  const m = await assertOrgMembership(db, actor, organizationId, [...INVITERS]);
  const byStatus: Prisma.InvitationWhereInput =
    status === "accepted"
      ? { acceptedAt: { not: null } }
      : status === "revoked"
        ? { revokedAt: { not: null } }
        : status === "expired"
          ? { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } }
          : status === "pending"
            ? { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }
            : {};
  const rows = await db.invitation.findMany({
    where: { AND: [{ organizationId }, visibleTo(m, me.caregiverId), byStatus] },
    include: withPeople,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  return { items: rows.map((r) => presentInvitation(r, now)) };
}

/** An invitation the caller may revoke or resend: an owner or whole-organization admin's, or its own inviter's. */
async function manageable(tx: Tx, actor: Actor, id: string) {
  const me = requireCaregiver(actor);
  const inv = await tx.invitation.findUnique({ where: { id }, include: withPeople });
  if (!inv) throw new NotFound("Invitation");
  let m: OrgMembership;
  try {
    m = await assertOrgMembership(tx, actor, inv.organizationId, ["owner", "admin", "facility_admin", "member"]);
  } catch (err) {
    throw err instanceof NotFound ? new NotFound("Invitation") : err;
  }
  const mine = inv.invitedById === me.caregiverId;
  if (!mine && m.adminOf === null && m.role !== "member") return inv;
  if (mine) return inv;
  throw new NotFound("Invitation");
}

export async function revokeInvitation(actor: Actor, id: string, now: Date) {
  return db.$transaction(async (tx) => {
    const inv = await manageable(tx, actor, id);
    if (invitationStatus(inv, now) === "accepted") throw new Conflict("This invitation was accepted already.", "invitation_accepted");
    const row = inv.revokedAt ? inv : await tx.invitation.update({ where: { id }, data: { revokedAt: now }, include: withPeople });
    if (!inv.revokedAt)
      await recordAudit(tx, actor, {
        action: "invitation.revoked",
        targetType: "invitation",
        targetId: id,
        organizationId: inv.organizationId,
        patientId: inv.patientId,
      });
    return presentInvitation(row, now);
  });
}

/** A new link (the old one stops working) and a new expiry, sent again. */
export async function resendInvitation(actor: Actor, id: string, now: Date) {
  await limitInvitations(actor, now);
  const token = newSecret("elda_inv_");
  const row = await db.$transaction(async (tx) => {
    const inv = await manageable(tx, actor, id);
    const status = invitationStatus(inv, now);
    if (status === "accepted" || status === "revoked") throw new Conflict(`This invitation was ${status}; send a new one instead.`, `invitation_${status}`);
    const settings = await organizationSettingsFor(tx, inv.organizationId);
    const updated = await tx.invitation.update({
      where: { id },
      data: {
        tokenHash: hashSecret(token),
        expiresAt: new Date(now.getTime() + settings.invitations.expiry_days * DAY),
        sentAt: now,
        sendCount: { increment: 1 },
      },
      include: withPeople,
    });
    await recordAudit(tx, actor, {
      action: "invitation.resent",
      targetType: "invitation",
      targetId: id,
      organizationId: inv.organizationId,
      patientId: inv.patientId,
    });
    return updated;
  });
  await send(row, token, now);
  return presentInvitation(row, now);
}
