import { route } from "@/lib/api/route";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { acceptInvitationInput, acceptInvitationOutput } from "@/lib/invitations/schemas";

export const POST = route(
  {
    name: "POST /api/v1/invitations/accept",
    auth: "public",
    body: acceptInvitationInput,
    response: acceptInvitationOutput,
    summary: "Accept an invitation with its token: signed in already, or with sign_in (an existing account) or sign_up (a new one); then join",
  },
  ({ actor, body, now, ip, req }) => acceptInvitation(actor, body, { ip, userAgent: req.headers.get("user-agent") }, now),
);
