import { route } from "@/lib/api/route";
import { organizationParams } from "@/lib/orgs/schemas";
import { verifyOrganizationAuditChain } from "@/lib/audit/verify-audit-chain";
import { auditChainReport } from "@/lib/audit/schemas";

/** Owners and admins only: does the organization's audit chain hold? (decision 023) */
export const GET = route(
  {
    name: "GET /api/v1/organizations/{id}/audit-events/verify",
    auth: "caregiver",
    params: organizationParams,
    response: auditChainReport,
    summary: "Verify the organization's tamper-evident audit chain: the first broken link, and the tail not sealed yet",
  },
  ({ actor, params, now }) => verifyOrganizationAuditChain(actor, params.id, now),
);
