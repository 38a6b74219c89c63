import { route } from "@/lib/api/route";
import { addCareTeamMember, listCareTeam } from "@/lib/care-team/care-team";
import { addCareTeamMemberInput, careTeamMemberOutput, careTeamOutput } from "@/lib/care-team/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/care-team", auth: "caregiver", params: patientIdParams, response: careTeamOutput },
  ({ actor, params }) => listCareTeam(actor, params.id),
);
export const POST = route(
  {
    name: "POST /api/v1/patients/{id}/care-team",
    auth: "caregiver",
    params: patientIdParams,
    body: addCareTeamMemberInput,
    status: 201,
    response: careTeamMemberOutput,
  },
  ({ actor, params, body, now }) => addCareTeamMember(actor, params.id, body, now),
);
