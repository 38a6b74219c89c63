import { route } from "@/lib/api/route";
import { startersForCareTeam, startersQuery } from "@/lib/conversations/conversation-starters";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/conversation-starters", auth: "caregiver", params: patientIdParams, query: startersQuery },
  ({ actor, params, query, now }) => startersForCareTeam(actor, params.id, query, now),
);
