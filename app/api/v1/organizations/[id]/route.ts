import { route } from "@/lib/api/route";
import { getOrganization, renameOrganization } from "@/lib/orgs/organizations";
import { organizationParams, updateOrganizationInput } from "@/lib/orgs/schemas";

export const GET = route({ name: "GET /api/v1/organizations/{id}", auth: "caregiver", params: organizationParams }, ({ actor, params }) =>
  getOrganization(actor, params.id),
);
export const PATCH = route(
  { name: "PATCH /api/v1/organizations/{id}", auth: "caregiver", params: organizationParams, body: updateOrganizationInput },
  ({ actor, params, body }) => renameOrganization(actor, params.id, body),
);
