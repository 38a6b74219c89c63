import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { Conflict, NotFound, ValidationFailed } from "@/lib/api/errors";
import { assertOrgRole, requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { erasePatients } from "@/lib/patients/erase-patient-rows";
import { dropMembership, getOrganization } from "./organizations";
import type { deleteOrganizationInput, transferOwnershipInput } from "./schemas";

/**
 * An organization's life beyond its members and settings (issue 14 §6): handing ownership on, leaving, and
 * deleting it. The organization always keeps an owner; every step is audited.
 */

/** An owner makes another member owner; with `step_down` the owner becomes an admin in the same step. */
export async function transferOwnership(actor: Actor, organizationId: string, input: z.infer<typeof transferOwnershipInput>) {
  const me = requireCaregiver(actor);
  await db.$transaction(async (tx) => {
    await assertOrgRole(tx, actor, organizationId, ["owner"]);
    if (input.caregiver_id === me.caregiverId) {
      throw new ValidationFailed([{ field: "caregiver_id", message: "Choose another member: you are an owner already." }]);
    }
    const to = await tx.membership.findUnique({ where: { organizationId_caregiverId: { organizationId, caregiverId: input.caregiver_id } } });
    if (!to) throw new NotFound("Member");
    if (to.role === "owner" && !input.step_down) throw new Conflict("This member is an owner already.", "already_owner");
    // an owner's membership lists no facilities (they belong to admins)
    await tx.membership.update({ where: { id: to.id }, data: { role: "owner", facilityIds: [] } });
    if (input.step_down) {
      await tx.membership.update({
        where: { organizationId_caregiverId: { organizationId, caregiverId: me.caregiverId } },
        data: { role: "admin", facilityIds: [] },
      });
    }
    await recordAudit(tx, actor, {
      action: "organization.ownership_transferred",
      targetType: "caregiver",
      targetId: to.caregiverId,
      organizationId,
      metadata: { from_role: to.role, stepped_down: input.step_down },
    });
  });
  return getOrganization(actor, organizationId);
}

/** The caregiver leaves the organization (and its care teams); not its last owner, not a patient's only primary caregiver. */
export async function leaveOrganization(actor: Actor, organizationId: string) {
  const me = requireCaregiver(actor);
  await db.$transaction(async (tx) => {
    await assertOrgRole(tx, actor, organizationId, ["owner", "admin", "facility_admin", "member"]);
    const m = await tx.membership.findUniqueOrThrow({ where: { organizationId_caregiverId: { organizationId, caregiverId: me.caregiverId } } });
    await dropMembership(tx, actor, m, "organization.member_left");
  });
}

/** What deleting the organization would take with it, for the page that asks to confirm. */
export async function deletionImpact(actor: Actor, organizationId: string, now: Date) {
  await assertOrgRole(db, actor, organizationId, ["owner"]);
  const [patients, members, pendingOut] = await Promise.all([
    db.patient.count({ where: { organizationId } }),
    db.membership.count({ where: { organizationId } }),
    db.patientTransfer.count({ where: { fromOrganizationId: organizationId, status: "pending", expiresAt: { gt: now } } }),
  ]);
  return { patients, members, pendingOut };
}

/**
 * Owners only, with the organization's name typed again. Its patients are erased with all their data (as a
 * patient's deletion does) unless transferred out first; refused while such a transfer is pending. The
 * organization's own audit trail goes with it; the deletion itself is recorded first in the trail of rows
 * without an organization, which outlives it.
 */
export async function deleteOrganization(actor: Actor, organizationId: string, input: z.infer<typeof deleteOrganizationInput>, now: Date) {
  await db.$transaction(
    async (tx) => {
      await assertOrgRole(tx, actor, organizationId, ["owner"]);
      const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
      if (input.confirm_name !== org.name.trim()) {
        throw new ValidationFailed([{ field: "confirm_name", message: `Type the organization's name exactly as shown: ${org.name}` }]);
      }
      const pending = await tx.patientTransfer.count({ where: { fromOrganizationId: organizationId, status: "pending", expiresAt: { gt: now } } });
      if (pending) {
        throw new Conflict(
          `${pending === 1 ? "A patient transfer" : `${pending} patient transfers`} out of this organization ${pending === 1 ? "is" : "are"} pending. Wait until the destination accepts or declines it, or it expires, before deleting the organization.`,
          "transfer_pending",
        );
      }
      const patients = await tx.patient.findMany({ where: { organizationId }, select: { id: true } });
      const members = await tx.membership.count({ where: { organizationId } });
      await recordAudit(tx, actor, {
        action: "organization.deleted",
        targetType: "organization",
        targetId: organizationId,
        organizationId: null,
        at: now,
        metadata: { patients_erased: patients.length, members },
      });
      await erasePatients(
        tx,
        patients.map((p) => p.id),
      );
      await tx.auditEvent.deleteMany({ where: { organizationId } });
      await tx.auditChainAnchor.deleteMany({ where: { chainId: organizationId } });
      await tx.organization.delete({ where: { id: organizationId } });
    },
    { timeout: 120_000 },
  );
}
