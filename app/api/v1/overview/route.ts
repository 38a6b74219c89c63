import { route } from "@/lib/api/route";
import { getOverview } from "@/lib/overview/at-a-glance";
import { overviewOutput, overviewQuery } from "@/lib/overview/schemas";

export const GET = route(
  {
    name: "GET /api/v1/overview",
    auth: "caregiver",
    query: overviewQuery,
    response: overviewOutput,
    summary:
      "The patients I can see at a glance (device, open alerts, today's adherence, mood, next reminder), most in need of attention first, a page at a time, and the open alerts across them",
  },
  ({ actor, query, now }) => getOverview(actor, now, query),
);
