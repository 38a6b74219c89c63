import { z } from "zod";
import { Reply } from "@/lib/api/answers";
import { route } from "@/lib/api/route";
import { addCareTeamMember, listCareTeam } from "@/lib/care-team/care-team";
import { addCareTeamMemberInput, careTeamMemberOutput, careTeamOutput } from "@/lib/care-team/schemas";
import { invitationOutput } from "@/lib/invitations/schemas";
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
    alsoAnswers: [202],
    response: z.union([careTeamMemberOutput, z.object({ invitation: invitationOutput })]),
    summary:
      "Add someone by email: a member of the patient's organization joins the care team at once (201, the member); anyone else is sent an invitation naming the patient (202, the invitation), whether or not the address has an account",
  },
  async ({ actor, params, body, now }) => {
    const r = await addCareTeamMember(actor, params.id, body, now);
    if (r.added) return r.added;
    return new Reply({ invitation: r.invited }, 202);
  },
);
