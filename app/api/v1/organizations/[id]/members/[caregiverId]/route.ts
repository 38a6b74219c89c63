import { route } from "@/lib/api/route";
import { removeMember, updateMember } from "@/lib/orgs/organizations";
import { memberParams, updateMemberInput } from "@/lib/orgs/schemas";

export const PATCH = route(
  { name: "PATCH /api/v1/organizations/{id}/members/{caregiverId}", auth: "caregiver", params: memberParams, body: updateMemberInput },
  ({ actor, params, body }) => updateMember(actor, params.id, params.caregiverId, body),
);
export const DELETE = route(
  { name: "DELETE /api/v1/organizations/{id}/members/{caregiverId}", auth: "caregiver", params: memberParams, status: 204 },
  ({ actor, params }) => removeMember(actor, params.id, params.caregiverId),
);
