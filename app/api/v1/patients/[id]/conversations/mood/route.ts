import { route } from "@/lib/api/route";
import { moodTrend, moodTrendQuery } from "@/lib/conversations/conversation-trends";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/conversations/mood", auth: "caregiver", params: patientIdParams, query: moodTrendQuery },
  ({ actor, params, query, now }) => moodTrend(actor, params.id, query, now),
);
