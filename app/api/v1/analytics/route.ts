import { route } from "@/lib/api/route";
import { caregiverAnalyticsOutput, caregiverAnalyticsQuery } from "@/lib/analytics/schemas";
import { getCaregiverAnalytics } from "@/lib/analytics/caregiver-analytics";

export const GET = route(
  {
    name: "GET /api/v1/analytics",
    auth: "caregiver",
    query: caregiverAnalyticsQuery,
    response: caregiverAnalyticsOutput,
    summary: "Statistics across every patient the caregiver can see, with the previous range of equal length",
  },
  ({ actor, query, now }) => getCaregiverAnalytics(actor, query, now),
);
