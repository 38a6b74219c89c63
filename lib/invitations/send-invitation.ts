import "server-only";
import { messagesFor } from "@/lib/caregiver-messages/catalogue";
import { formatDay } from "@/lib/caregiver-messages/format";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db/client";
import { emailSender } from "@/lib/notifications/channels/email";
import { smsSender } from "@/lib/notifications/channels/twilio";
import { meter, smsSegments } from "@/lib/usage/meter";

export interface InvitationMessage {
  organizationId: string;
  organizationName: string;
  inviterName: string;
  email: string | null;
  phoneNumber: string | null;
  token: string;
  expiresAt: Date;
  /** the inviter's language: the invitee has none known yet, and the inviter knows what they read */
  language: string | null;
}

/** The link the invitee opens; the token is in the fragment-free query, shown once and never stored. */
export const acceptLink = (token: string) => `${config().appUrl.replace(/\/$/, "")}/invitations/accept?token=${encodeURIComponent(token)}`;

/**
 * Send an invitation at once through the existing channels (simulated without credentials) and record the
 * attempt (purpose `invitation`, no patient, no link). The link exists only in the message: a failure is
 * recorded, and "resend" makes a new link. The message names no patient and nothing about health.
 */
export async function sendInvitation(tx: Tx, m: InvitationMessage, now: Date, idempotencyKey: string) {
  const link = acceptLink(m.token);
  const say = messagesFor(m.language);
  // the day written out in the message's language ("Monday, December 7, 2026"; the link's expiry is UTC)
  const until = formatDay(say, m.expiresAt.toISOString().slice(0, 10));
  const text = say.invitation.sms(m.inviterName, m.organizationName, until, link);
  const result = m.email
    ? await emailSender.send({
        to: m.email,
        subject: say.invitation.subject(m.inviterName, m.organizationName),
        text: say.invitation.email(m.inviterName, m.organizationName, until, link),
      })
    : await smsSender.send({ to: m.phoneNumber!, text });
  if (result.status === "sent") await meter({ organizationId: m.organizationId }, now, m.email ? { emails: 1 } : { sms_segments: smsSegments(text) });
  await tx.notificationAttempt.create({
    data: {
      idempotencyKey,
      channel: m.email ? "email" : "sms",
      purpose: "invitation",
      recipient: (m.email ?? m.phoneNumber)!,
      status: result.status === "failed" ? "failed" : result.status,
      error: result.error ?? null,
      providerId: result.providerId ?? null,
      attemptCount: 1,
      createdAt: now,
      sentAt: result.status === "sent" || result.status === "simulated" ? now : null,
      statusUpdatedAt: now,
    },
  });
  return result.status;
}
