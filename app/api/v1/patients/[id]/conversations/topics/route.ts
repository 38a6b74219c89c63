import { route } from "@/lib/api/route";
import { trendingTopics, trendingTopicsQuery } from "@/lib/conversations/conversation-trends";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/conversations/topics", auth: "caregiver", params: patientIdParams, query: trendingTopicsQuery },
  ({ actor, params, query, now }) => trendingTopics(actor, params.id, query, now),
);
