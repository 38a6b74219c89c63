import { route } from "@/lib/api/route";
import { noContent } from "@/lib/api/answers";
import { removeMember, updateMember } from "@/lib/orgs/organizations";
import { memberOutput, memberParams, updateMemberInput } from "@/lib/orgs/schemas";

export const PATCH = route(
  { name: "PATCH /api/v1/organizations/{id}/members/{caregiverId}", auth: "caregiver", params: memberParams, body: updateMemberInput, response: memberOutput },
  ({ actor, params, body }) => updateMember(actor, params.id, params.caregiverId, body),
);
export const DELETE = route(
  { name: "DELETE /api/v1/organizations/{id}/members/{caregiverId}", auth: "caregiver", params: memberParams, response: noContent },
  ({ actor, params }) => removeMember(actor, params.id, params.caregiverId),
);
