import { route } from "@/lib/api/route";
import { addMember, listMembers } from "@/lib/orgs/organizations";
import { addMemberInput, memberListOutput, memberOutput, organizationParams } from "@/lib/orgs/schemas";

export const GET = route(
  { name: "GET /api/v1/organizations/{id}/members", auth: "caregiver", params: organizationParams, response: memberListOutput },
  ({ actor, params }) => listMembers(actor, params.id),
);
export const POST = route(
  { name: "POST /api/v1/organizations/{id}/members", auth: "caregiver", params: organizationParams, body: addMemberInput, status: 201, response: memberOutput },
  ({ actor, params, body, now }) => addMember(actor, params.id, body, now),
);
