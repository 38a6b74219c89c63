import { route } from "@/lib/api/route";
import { pageOf } from "@/lib/api/pagination";
import { listInsights } from "@/lib/insights/weekly-insights";
import { insightOutput, listInsightsQuery } from "@/lib/insights/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/insights", auth: "caregiver", params: patientIdParams, query: listInsightsQuery, response: pageOf(insightOutput) },
  ({ actor, params, query }) => listInsights(actor, params.id, query),
);
