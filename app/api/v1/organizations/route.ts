import { route } from "@/lib/api/route";
import { createOrganization, listMyOrganizations } from "@/lib/orgs/organizations";
import { createOrganizationInput, myOrganizationOutput, myOrganizationsOutput } from "@/lib/orgs/schemas";

export const GET = route({ name: "GET /api/v1/organizations", auth: "caregiver", response: myOrganizationsOutput }, ({ actor }) => listMyOrganizations(actor));

export const POST = route(
  {
    name: "POST /api/v1/organizations",
    auth: "caregiver",
    body: createOrganizationInput,
    status: 201,
    response: myOrganizationOutput,
    summary: "Create another organization; the caller becomes its owner (it starts with its default facility)",
  },
  ({ actor, body, now }) => createOrganization(actor, body, now),
);
