import { route } from "@/lib/api/route";
import { noContent } from "@/lib/api/answers";
import { removeCareTeamMember, updateCareTeamMember } from "@/lib/care-team/care-team";
import { careTeamMemberOutput, careTeamMemberParams, updateCareTeamMemberInput } from "@/lib/care-team/schemas";

export const PATCH = route(
  {
    name: "PATCH /api/v1/patients/{id}/care-team/{caregiverId}",
    auth: "caregiver",
    params: careTeamMemberParams,
    body: updateCareTeamMemberInput,
    response: careTeamMemberOutput,
  },
  ({ actor, params, body }) => updateCareTeamMember(actor, params.id, params.caregiverId, body),
);
export const DELETE = route(
  { name: "DELETE /api/v1/patients/{id}/care-team/{caregiverId}", auth: "caregiver", params: careTeamMemberParams, response: noContent },
  ({ actor, params }) => removeCareTeamMember(actor, params.id, params.caregiverId),
);
