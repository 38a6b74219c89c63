import { route } from "@/lib/api/route";
import { listMyOrganizations } from "@/lib/orgs/organizations";

export const GET = route({ name: "GET /api/v1/organizations", auth: "caregiver" }, ({ actor }) => listMyOrganizations(actor));
