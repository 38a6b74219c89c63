import "server-only";
import { db } from "@/lib/db/client";
import { BadRequest, Forbidden, NotFound } from "@/lib/api/errors";
import { assertOrgRole } from "@/lib/auth/policy";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { clearSecondFactor } from "./second-factor";

/**
 * An owner or admin resets a member's second factor (a lost phone): the member signs in with the password
 * alone and, where the organization requires it, enrols again. Only an owner may reset an owner's; nobody
 * resets their own here (turning it off needs the password and a code).
 */
export async function resetMemberTwoFactor(actor: Actor, organizationId: string, caregiverId: string) {
  await db.$transaction(async (tx) => {
    const role = await assertOrgRole(tx, actor, organizationId, ["owner", "admin"]);
    if (actor.kind === "caregiver" && actor.caregiverId === caregiverId) {
      throw new BadRequest("Turn off your own two-factor sign-in in Settings, Security (it needs your password and a code).");
    }
    const member = await tx.membership.findUnique({
      where: { organizationId_caregiverId: { organizationId, caregiverId } },
      select: { role: true, caregiver: { select: { totpEnabled: true } } },
    });
    if (!member) throw new NotFound("Member");
    if (member.role === "owner" && role !== "owner") throw new Forbidden("Only an owner can reset an owner's two-factor sign-in.");
    await clearSecondFactor(tx, caregiverId);
    await recordAudit(tx, actor, {
      action: "auth.two_factor_reset",
      targetType: "caregiver",
      targetId: caregiverId,
      organizationId,
      metadata: { was_enabled: member.caregiver.totpEnabled },
    });
  });
}

/** The operator's reset (scripts/reset-two-factor.ts) for a locked-out sole owner; audited as the operator. */
export async function operatorResetTwoFactor(email: string, reason: string): Promise<{ caregiverId: string; wasEnabled: boolean }> {
  return db.$transaction(async (tx) => {
    const c = await tx.caregiver.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, totpEnabled: true } });
    if (!c) throw new NotFound("Caregiver");
    await clearSecondFactor(tx, c.id);
    await recordAudit(tx, systemActor("operator"), {
      action: "auth.two_factor_reset",
      targetType: "caregiver",
      targetId: c.id,
      metadata: { was_enabled: c.totpEnabled, by: "operator", reason: reason.slice(0, 200) },
    });
    return { caregiverId: c.id, wasEnabled: c.totpEnabled };
  });
}
