import { route } from "@/lib/api/route";
import { listMyOrganizations } from "@/lib/orgs/organizations";
import { myOrganizationsOutput } from "@/lib/orgs/schemas";

export const GET = route({ name: "GET /api/v1/organizations", auth: "caregiver", response: myOrganizationsOutput }, ({ actor }) => listMyOrganizations(actor));
