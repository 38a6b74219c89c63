import { route } from "@/lib/api/route";
import { transferOwnership } from "@/lib/orgs/lifecycle";
import { organizationOutput, organizationParams, transferOwnershipInput } from "@/lib/orgs/schemas";

export const POST = route(
  {
    name: "POST /api/v1/organizations/{id}/transfer-ownership",
    auth: "caregiver",
    params: organizationParams,
    body: transferOwnershipInput,
    response: organizationOutput,
    summary: "Owners: make another member owner, and optionally step down to admin in the same step (the organization always keeps an owner)",
  },
  ({ actor, params, body }) => transferOwnership(actor, params.id, body),
);
