import { route } from "@/lib/api/route";
import { revokeInvitation } from "@/lib/invitations/invitations";
import { invitationOutput, invitationParams } from "@/lib/invitations/schemas";

export const POST = route(
  {
    name: "POST /api/v1/invitations/{id}/revoke",
    auth: "caregiver",
    params: invitationParams,
    response: invitationOutput,
    summary: "Revoke an invitation: its link stops working (its inviter, owners and admins)",
  },
  ({ actor, params, now }) => revokeInvitation(actor, params.id, now),
);
