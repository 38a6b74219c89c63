import { route } from "@/lib/api/route";
import { getOverview } from "@/lib/overview/at-a-glance";
import { overviewOutput } from "@/lib/overview/schemas";

export const GET = route(
  {
    name: "GET /api/v1/overview",
    auth: "caregiver",
    response: overviewOutput,
    summary:
      "Every patient I can see at a glance (device, open alerts, today's adherence, mood, next reminder), most in need of attention first, and the open alerts across them",
  },
  ({ actor, now }) => getOverview(actor, now),
);
