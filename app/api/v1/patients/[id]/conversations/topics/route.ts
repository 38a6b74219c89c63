import { route } from "@/lib/api/route";
import { trendingTopics } from "@/lib/conversations/conversation-trends";
import { trendingTopicsOutput, trendingTopicsQuery } from "@/lib/conversations/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  {
    name: "GET /api/v1/patients/{id}/conversations/topics",
    auth: "caregiver",
    params: patientIdParams,
    query: trendingTopicsQuery,
    response: trendingTopicsOutput,
  },
  ({ actor, params, query, now }) => trendingTopics(actor, params.id, query, now),
);
