import { route } from "@/lib/api/route";
import { moodTrend } from "@/lib/conversations/conversation-trends";
import { moodTrendOutput, moodTrendQuery } from "@/lib/conversations/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/conversations/mood", auth: "caregiver", params: patientIdParams, query: moodTrendQuery, response: moodTrendOutput },
  ({ actor, params, query, now }) => moodTrend(actor, params.id, query, now),
);
