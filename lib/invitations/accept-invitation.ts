import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { Conflict, NotFound, Unauthenticated, ValidationFailed } from "@/lib/api/errors";
import type { Actor, CaregiverActor } from "@/lib/auth/actor";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { enforceIpRateLimit } from "@/lib/auth/rate-limit";
import { hashSecret } from "@/lib/auth/secrets";
import { createSession, issueTokens, type TokenPair } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { authenticateCaregiver } from "@/lib/caregivers/authenticate-caregiver";
import { acceptInvitationInput } from "./schemas";
import { invitationStatus } from "./invitations";

type AcceptInput = z.infer<typeof acceptInvitationInput>;
const ROLE_RANK = { member: 0, admin: 1, owner: 2 } as const;

async function pendingInvitation(tx: Tx, token: string, now: Date) {
  const inv = await tx.invitation.findUnique({ where: { tokenHash: hashSecret(token) }, include: { organization: { select: { name: true } } } });
  if (!inv) throw new NotFound("Invitation");
  const status = invitationStatus(inv, now);
  if (status !== "pending") throw new Conflict(`This invitation is ${status}. Ask for a new one.`, `invitation_${status}`);
  return inv;
}

/**
 * Accept an invitation: as the caller already signed in, or signing in (an existing account) or signing up (a
 * new account) in the same request; then join the organization (a membership, or a higher role when the
 * invitation grants one) and, when the invitation names a patient still in the organization, its care team.
 * Single use: two acceptances race on one conditional update, and only one wins.
 */
export async function acceptInvitation(actor: Actor | null, input: AcceptInput, client: { ip: string | null; userAgent: string | null }, now: Date) {
  await enforceIpRateLimit("invitation-accept", client.ip, 30, 3600, now, "Too many attempts from this address. Try again later.");
  const inv = await pendingInvitation(db, input.token, now);
  let caregiverId: string;
  let tokens: TokenPair | null = null;
  let newAccount: { email: string; passwordHash: string; firstName: string; lastName: string; phoneNumber: string | null; timezone: string } | null = null;
  if (actor?.kind === "caregiver" && !input.sign_in && !input.sign_up) {
    caregiverId = actor.caregiverId;
  } else if (input.sign_in) {
    const { caregiver, session } = await authenticateCaregiver(input.sign_in.email, input.sign_in.password, "api", client, now);
    caregiverId = caregiver.id;
    tokens = await issueTokens(db, session.id, caregiver.id, now);
  } else if (input.sign_up) {
    const s = input.sign_up;
    const email = inv.email ?? s.email;
    if (!email) throw new ValidationFailed([{ field: "sign_up.email", message: "Required: the invitation came by SMS." }]);
    if (inv.email && s.email && s.email !== inv.email)
      throw new ValidationFailed([{ field: "sign_up.email", message: "The account is made for the address the invitation was sent to." }]);
    const problem = passwordProblem(s.password, [email, s.first_name, s.last_name]);
    if (problem) throw new ValidationFailed([{ field: "sign_up.password", message: problem }]);
    if (await db.caregiver.findUnique({ where: { email }, select: { id: true } }))
      throw new Conflict("An account with this email already exists. Sign in to accept instead.", "email_taken");
    newAccount = {
      email,
      passwordHash: await hashPassword(s.password),
      firstName: s.first_name,
      lastName: s.last_name,
      phoneNumber: s.phone_number ?? inv.phoneNumber ?? null,
      timezone: s.timezone ?? "UTC",
    };
    caregiverId = "";
  } else {
    throw new Unauthenticated("Sign in, or send sign_in or sign_up with the invitation.");
  }

  const joined = await db.$transaction(async (tx) => {
    if (newAccount) {
      const c = await tx.caregiver.create({ data: { ...newAccount, createdAt: now, passwordChangedAt: now } });
      caregiverId = c.id;
      const session = await createSession(tx, c.id, "api", client, now);
      tokens = await issueTokens(tx, session.id, c.id, now);
    }
    const me: CaregiverActor = actor?.kind === "caregiver" && !newAccount && !tokens ? actor : { kind: "caregiver", caregiverId, via: "session" };
    const won = await tx.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: caregiverId },
    });
    if (won.count !== 1) throw new Conflict("This invitation was used already. Ask for a new one.", "invitation_accepted");
    const membership = await tx.membership.findUnique({ where: { organizationId_caregiverId: { organizationId: inv.organizationId, caregiverId } } });
    let role = inv.role;
    if (!membership) await tx.membership.create({ data: { organizationId: inv.organizationId, caregiverId, role, createdAt: now } });
    else if (ROLE_RANK[inv.role] > ROLE_RANK[membership.role]) await tx.membership.update({ where: { id: membership.id }, data: { role } });
    else role = membership.role;
    let patientId: string | null = null;
    if (inv.patientId) {
      const p = await tx.patient.findUnique({ where: { id: inv.patientId }, select: { organizationId: true } });
      // a patient transferred out since: the invitee joins the organization without that care team
      if (p?.organizationId === inv.organizationId) {
        patientId = inv.patientId;
        const onTeam = await tx.careTeamMember.findUnique({ where: { patientId_caregiverId: { patientId, caregiverId } } });
        if (!onTeam) {
          const last = await tx.careTeamMember.aggregate({ where: { patientId }, _max: { contactOrder: true } });
          await tx.careTeamMember.create({
            data: { patientId, caregiverId, standing: inv.standing ?? "secondary", contactOrder: (last._max.contactOrder ?? 0) + 1, createdAt: now },
          });
        }
      }
    }
    await recordAudit(tx, me, {
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: inv.id,
      organizationId: inv.organizationId,
      patientId,
      metadata: { role, standing: patientId ? inv.standing : null, new_account: !!newAccount },
    });
    return { role, patientId };
  });
  return {
    organization_id: inv.organizationId,
    organization_name: inv.organization.name,
    caregiver_id: caregiverId,
    role: joined.role,
    patient_id: joined.patientId,
    standing: joined.patientId ? inv.standing : null,
    ...(tokens ?? {}),
  };
}
