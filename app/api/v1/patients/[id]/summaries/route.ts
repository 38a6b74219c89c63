import { route } from "@/lib/api/route";
import { pageOf } from "@/lib/api/pagination";
import { patientIdParams } from "@/lib/patients/schemas";
import { generateSummary, listSummaries } from "@/lib/summaries/summaries";
import { generateSummaryInput, listSummariesQuery, summaryOutput } from "@/lib/summaries/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/summaries", auth: "caregiver", params: patientIdParams, query: listSummariesQuery, response: pageOf(summaryOutput) },
  ({ actor, params, query }) => listSummaries(actor, params.id, query),
);
/** Generate (or regenerate) the summary of a local day, default today. */
export const POST = route(
  {
    name: "POST /api/v1/patients/{id}/summaries",
    auth: "caregiver",
    params: patientIdParams,
    body: generateSummaryInput,
    status: 201,
    response: summaryOutput,
  },
  ({ actor, params, body, now }) => generateSummary(actor, params.id, body.date, now),
);
