import { route } from "@/lib/api/route";
import { startersForCareTeam } from "@/lib/conversations/conversation-starters";
import { conversationStartersOutput, startersQuery } from "@/lib/conversations/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  {
    name: "GET /api/v1/patients/{id}/conversation-starters",
    auth: "caregiver",
    params: patientIdParams,
    query: startersQuery,
    response: conversationStartersOutput,
  },
  ({ actor, params, query, now }) => startersForCareTeam(actor, params.id, query, now),
);
