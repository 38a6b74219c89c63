import { route } from "@/lib/api/route";
import { noContent } from "@/lib/api/answers";
import { leaveOrganization } from "@/lib/orgs/lifecycle";
import { organizationParams } from "@/lib/orgs/schemas";

export const POST = route(
  {
    name: "POST /api/v1/organizations/{id}/leave",
    auth: "caregiver",
    params: organizationParams,
    response: noContent,
    summary: "Leave the organization and its care teams; refused for its last owner and for a patient's only primary caregiver (named)",
  },
  ({ actor, params }) => leaveOrganization(actor, params.id),
);
