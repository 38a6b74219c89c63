import { route } from "@/lib/api/route";
import { createFacility, listFacilities } from "@/lib/orgs/facilities";
import { createFacilityInput, facilityListOutput, facilityOutput, organizationParams } from "@/lib/orgs/schemas";

export const GET = route(
  {
    name: "GET /api/v1/organizations/{id}/facilities",
    auth: "caregiver",
    params: organizationParams,
    response: facilityListOutput,
    summary: "The organization's facilities (default first); patient counts for the facilities I administer",
  },
  ({ actor, params }) => listFacilities(actor, params.id),
);
export const POST = route(
  {
    name: "POST /api/v1/organizations/{id}/facilities",
    auth: "caregiver",
    params: organizationParams,
    body: createFacilityInput,
    status: 201,
    response: facilityOutput,
    summary: "Add a facility (owners and admins of the whole organization)",
  },
  ({ actor, params, body, now }) => createFacility(actor, params.id, body, now),
);
