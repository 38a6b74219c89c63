import { route } from "@/lib/api/route";
import { organizationParams } from "@/lib/orgs/schemas";
import { listTransfers } from "@/lib/transfers/transfers";
import { transferListOutput, transferListQuery } from "@/lib/transfers/schemas";

export const GET = route(
  {
    name: "GET /api/v1/organizations/{id}/transfers",
    auth: "caregiver",
    params: organizationParams,
    query: transferListQuery,
    response: transferListOutput,
    summary: "Patient transfers in and out of the organization, newest first (owners, admins; facility admins: their facilities')",
  },
  ({ actor, params, query, now }) => listTransfers(actor, params.id, query, now),
);
