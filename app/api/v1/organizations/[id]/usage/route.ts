import { route } from "@/lib/api/route";
import { raw } from "@/lib/api/answers";
import { organizationParams } from "@/lib/orgs/schemas";
import { usageReport } from "@/lib/usage/usage-report";
import { usageOutput, usageQuery } from "@/lib/usage/schemas";

/** Owners and admins of the whole organization. JSON, or one CSV row with a header (format=csv) for a billing system. */
export const GET = route(
  {
    name: "GET /api/v1/organizations/{id}/usage",
    auth: "caregiver",
    params: organizationParams,
    query: usageQuery,
    response: raw({ "text/csv": "the month's figures as one row under a header row (format=csv)" }, usageOutput),
    summary: "The organization's usage for one month (UTC): active patients, SMS segments, call minutes, emails, pushes, model tokens",
  },
  ({ actor, params, query, now }) => usageReport(actor, params.id, query, now),
);
