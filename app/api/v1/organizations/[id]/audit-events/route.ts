import { route } from "@/lib/api/route";
import { raw } from "@/lib/api/answers";
import { pageOf } from "@/lib/api/pagination";
import { organizationParams } from "@/lib/orgs/schemas";
import { exportAuditEvents } from "@/lib/audit/export-audit";
import { auditEventOutput, auditExportQuery } from "@/lib/audit/schemas";

/** Owners and admins only. JSON: cursor pages. CSV: the whole range as a download (Content-Disposition: attachment). */
export const GET = route(
  {
    name: "GET /api/v1/organizations/{id}/audit-events",
    auth: "caregiver",
    params: organizationParams,
    query: auditExportQuery,
    response: raw({ "text/csv": "the whole range as one file (format=csv), with a header row" }, pageOf(auditEventOutput)),
    summary: "The organization's audit trail, as JSON pages or one CSV file",
  },
  ({ actor, params, query, now }) => exportAuditEvents(actor, params.id, query, now),
);
