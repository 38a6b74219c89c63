"use server";

import { randomUUID } from "node:crypto";
import { createInvitation, resendInvitation, revokeInvitation } from "@/lib/invitations/invitations";
import { createInvitationInput } from "@/lib/invitations/schemas";
import { buttonAction, formAction, idIn } from "@/app/_server/action";

const back = (done: string) => `/settings/organization/invitations?done=${done}&n=${randomUUID().slice(0, 8)}`;

/** Fields left empty are not sent (the API's schema: one of email and phone_number; a standing only with a patient). */
const given = (v: Record<string, string>) => Object.fromEntries(Object.entries(v).filter(([, value]) => value !== ""));

export const inviteAction = formAction({
  fields: ["email", "phone_number", "role", "patient_id", "standing"],
  schema: createInvitationInput,
  input: (v) => given({ ...v, standing: v.patient_id ? v.standing : "" }),
  run: (data, { actor, now, form }) => createInvitation(actor, idIn(form.get("organization_id"), "Organization"), data, now),
  // by its code: the sentence may be in the caregiver's language by now
  fieldFor: (e) => (e.extra.code === "already_member" || e.message.includes("member") ? "email" : undefined),
  done: () => back("sent"),
});

export const resendAction = buttonAction({
  ids: { invitation_id: "Invitation" },
  run: ({ invitation_id }, { actor, now }) => resendInvitation(actor, invitation_id, now),
  done: () => back("resent"),
});

export const revokeAction = buttonAction({
  ids: { invitation_id: "Invitation" },
  confirm: true,
  run: ({ invitation_id }, { actor, now }) => revokeInvitation(actor, invitation_id, now),
  done: () => back("revoked"),
});
