import "server-only";
import { db } from "@/lib/db/client";
import { hashSecret } from "@/lib/auth/secrets";
import { invitationStatus } from "./invitations";

/** The last digits of a mobile number, enough for its owner to recognise it. */
const maskPhone = (p: string) => `•••• ${p.slice(-4)}`;

/**
 * What the invitation link's page shows before anyone signs in: who invited whom to which organization, with
 * which role, and whether the link still works. The link's token is the only key (it was sent to the invitee);
 * the page names no patient and nothing about health, like the message itself. Null for a token that matches
 * nothing (a mistyped or replaced link).
 */
export async function describeInvitation(token: string, now: Date) {
  if (token.length < 20 || token.length > 200) return null;
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashSecret(token) },
    include: { organization: { select: { name: true } }, invitedBy: { select: { firstName: true, lastName: true } } },
  });
  if (!inv) return null;
  return {
    status: invitationStatus(inv, now),
    organization_name: inv.organization.name,
    inviter_name: inv.invitedBy ? `${inv.invitedBy.firstName} ${inv.invitedBy.lastName}` : null,
    email: inv.email,
    phone: inv.phoneNumber ? maskPhone(inv.phoneNumber) : null,
    role: inv.role,
    names_patient: inv.patientId !== null,
    standing: inv.patientId ? inv.standing : null,
    expires_at: inv.expiresAt.toISOString(),
  };
}
export type InvitationDescription = NonNullable<Awaited<ReturnType<typeof describeInvitation>>>;
