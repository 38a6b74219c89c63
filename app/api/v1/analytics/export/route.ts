import { route } from "@/lib/api/route";
import { raw } from "@/lib/api/answers";
import { exportAnonymizedCohort } from "@/lib/analytics/anonymized-export";
import { anonymizedExportFile, anonymizedExportQuery } from "@/lib/analytics/schemas";

/** A download: the statistics across the caregiver's patients, anonymized (subject codes, age bands), as CSV or JSON. */
export const GET = route(
  {
    name: "GET /api/v1/analytics/export",
    auth: "caregiver",
    query: anonymizedExportQuery,
    response: raw({ "text/csv": "one row per patient (anonymized), with a header row", "application/json": anonymizedExportFile }),
    summary: "Anonymized statistics across every patient the caregiver can see, for analysis outside the care team",
  },
  ({ actor, query, now }) => exportAnonymizedCohort(actor, query, now),
);
