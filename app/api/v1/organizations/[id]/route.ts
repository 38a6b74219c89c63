import { route } from "@/lib/api/route";
import { noContent } from "@/lib/api/answers";
import { getOrganization, renameOrganization } from "@/lib/orgs/organizations";
import { deleteOrganization } from "@/lib/orgs/lifecycle";
import { deleteOrganizationInput, organizationOutput, organizationParams, updateOrganizationInput } from "@/lib/orgs/schemas";

export const GET = route(
  { name: "GET /api/v1/organizations/{id}", auth: "caregiver", params: organizationParams, response: organizationOutput },
  ({ actor, params }) => getOrganization(actor, params.id),
);
export const PATCH = route(
  { name: "PATCH /api/v1/organizations/{id}", auth: "caregiver", params: organizationParams, body: updateOrganizationInput, response: organizationOutput },
  ({ actor, params, body }) => renameOrganization(actor, params.id, body),
);
export const DELETE = route(
  {
    name: "DELETE /api/v1/organizations/{id}",
    auth: "caregiver",
    params: organizationParams,
    body: deleteOrganizationInput,
    response: noContent,
    summary:
      "Owners: delete the organization, its patients with all their data (transfer them out first to keep them) and its audit trail; the name typed again in confirm_name; refused while a transfer out is pending",
  },
  ({ actor, params, body, now }) => deleteOrganization(actor, params.id, body, now),
);
