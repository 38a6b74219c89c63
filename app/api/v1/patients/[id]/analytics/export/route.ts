import { route } from "@/lib/api/route";
import { raw } from "@/lib/api/answers";
import { patientIdParams } from "@/lib/patients/schemas";
import { analyticsExportFile, exportAnalyticsQuery } from "@/lib/analytics/schemas";
import { exportPatientAnalytics } from "@/lib/analytics/export";

/** A download (Content-Disposition: attachment): CSV with a header row and one row per bucket, or JSON. */
export const GET = route(
  {
    name: "GET /api/v1/patients/{id}/analytics/export",
    auth: "caregiver",
    params: patientIdParams,
    query: exportAnalyticsQuery,
    response: raw({ "text/csv": "one row per bucket, with a header row", "application/json": analyticsExportFile }),
    summary: "A patient's statistics per bucket as a CSV or JSON file",
  },
  ({ actor, params, query, now }) => exportPatientAnalytics(actor, params.id, query, now),
);
