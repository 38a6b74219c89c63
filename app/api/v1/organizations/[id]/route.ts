import { route } from "@/lib/api/route";
import { getOrganization, renameOrganization } from "@/lib/orgs/organizations";
import { organizationOutput, organizationParams, updateOrganizationInput } from "@/lib/orgs/schemas";

export const GET = route(
  { name: "GET /api/v1/organizations/{id}", auth: "caregiver", params: organizationParams, response: organizationOutput },
  ({ actor, params }) => getOrganization(actor, params.id),
);
export const PATCH = route(
  { name: "PATCH /api/v1/organizations/{id}", auth: "caregiver", params: organizationParams, body: updateOrganizationInput, response: organizationOutput },
  ({ actor, params, body }) => renameOrganization(actor, params.id, body),
);
