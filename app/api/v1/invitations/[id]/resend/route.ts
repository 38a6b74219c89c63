import { route } from "@/lib/api/route";
import { resendInvitation } from "@/lib/invitations/invitations";
import { invitationOutput, invitationParams } from "@/lib/invitations/schemas";

export const POST = route(
  {
    name: "POST /api/v1/invitations/{id}/resend",
    auth: "caregiver",
    params: invitationParams,
    response: invitationOutput,
    summary: "Send an invitation again with a new link and a new expiry (the old link stops working)",
  },
  ({ actor, params, now }) => resendInvitation(actor, params.id, now),
);
