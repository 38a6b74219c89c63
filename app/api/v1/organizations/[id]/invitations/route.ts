import { route } from "@/lib/api/route";
import { createInvitation, listInvitations } from "@/lib/invitations/invitations";
import { createInvitationInput, invitationListOutput, invitationOutput, listInvitationsQuery } from "@/lib/invitations/schemas";
import { organizationParams } from "@/lib/orgs/schemas";

export const GET = route(
  {
    name: "GET /api/v1/organizations/{id}/invitations",
    auth: "caregiver",
    params: organizationParams,
    query: listInvitationsQuery,
    response: invitationListOutput,
    summary: "Invitations, newest first, with who invited whom (owners and admins; a facility admin sees its own and those naming its patients)",
  },
  ({ actor, params, query, now }) => listInvitations(actor, params.id, query.status, now),
);
export const POST = route(
  {
    name: "POST /api/v1/organizations/{id}/invitations",
    auth: "caregiver",
    params: organizationParams,
    body: createInvitationInput,
    status: 201,
    response: invitationOutput,
    summary: "Invite someone by email or SMS (a single-use link); the answer is the same whether or not the address has an account",
  },
  ({ actor, params, body, now }) => createInvitation(actor, params.id, body, now),
);
