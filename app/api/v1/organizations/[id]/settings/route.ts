import { route } from "@/lib/api/route";
import { getOrganizationSettings, updateOrganizationSettings } from "@/lib/orgs/settings";
import { organizationParams, organizationSettings, organizationSettingsPatch } from "@/lib/orgs/schemas";

export const GET = route(
  { name: "GET /api/v1/organizations/{id}/settings", auth: "caregiver", params: organizationParams, response: organizationSettings },
  ({ actor, params }) => getOrganizationSettings(actor, params.id),
);
export const PATCH = route(
  {
    name: "PATCH /api/v1/organizations/{id}/settings",
    auth: "caregiver",
    params: organizationParams,
    body: organizationSettingsPatch,
    response: organizationSettings,
  },
  ({ actor, params, body }) => updateOrganizationSettings(actor, params.id, body),
);
