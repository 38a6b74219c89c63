import { route } from "@/lib/api/route";
import { patientIdParams } from "@/lib/patients/schemas";
import { patientAnalyticsOutput, patientAnalyticsQuery } from "@/lib/analytics/schemas";
import { getPatientAnalytics } from "@/lib/analytics/patient-analytics";

export const GET = route(
  {
    name: "GET /api/v1/patients/{id}/analytics",
    auth: "caregiver",
    params: patientIdParams,
    query: patientAnalyticsQuery,
    response: patientAnalyticsOutput,
    summary: "A patient's statistics for a range of their local days, with the previous range of equal length",
  },
  ({ actor, params, query, now }) => getPatientAnalytics(actor, params.id, query, now),
);
