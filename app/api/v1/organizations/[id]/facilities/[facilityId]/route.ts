import { noContent } from "@/lib/api/answers";
import { route } from "@/lib/api/route";
import { deleteFacility, getFacility, updateFacility } from "@/lib/orgs/facilities";
import { facilityOutput, facilityParams, updateFacilityInput } from "@/lib/orgs/schemas";

export const GET = route(
  { name: "GET /api/v1/organizations/{id}/facilities/{facilityId}", auth: "caregiver", params: facilityParams, response: facilityOutput },
  ({ actor, params }) => getFacility(actor, params.id, params.facilityId),
);
export const PATCH = route(
  {
    name: "PATCH /api/v1/organizations/{id}/facilities/{facilityId}",
    auth: "caregiver",
    params: facilityParams,
    body: updateFacilityInput,
    response: facilityOutput,
    summary: "Rename a facility, change its address, or make it the default (owners and admins of the whole organization)",
  },
  ({ actor, params, body }) => updateFacility(actor, params.id, params.facilityId, body),
);
export const DELETE = route(
  {
    name: "DELETE /api/v1/organizations/{id}/facilities/{facilityId}",
    auth: "caregiver",
    params: facilityParams,
    response: noContent,
    summary: "Delete an empty facility (no patients, no admin listing it, not the default)",
  },
  ({ actor, params }) => deleteFacility(actor, params.id, params.facilityId),
);
