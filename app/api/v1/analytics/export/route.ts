import { route } from "@/lib/api/route";
import { anonymizedExportQuery, exportAnonymizedCohort } from "@/lib/analytics/anonymized-export";

/** A download: the statistics across the caregiver's patients, anonymized (subject codes, age bands), as CSV or JSON. */
export const GET = route(
  {
    name: "GET /api/v1/analytics/export",
    auth: "caregiver",
    query: anonymizedExportQuery,
    summary: "Anonymized statistics across every patient the caregiver can see, for analysis outside the care team",
  },
  ({ actor, query, now }) => exportAnonymizedCohort(actor, query, now),
);
