import { route } from "@/lib/api/route";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { pageOf } from "@/lib/api/pagination";
import { alertOutput, listAlertsQuery } from "@/lib/alerts/schemas";

export const GET = route({ name: "GET /api/v1/alerts", auth: "caregiver", query: listAlertsQuery, response: pageOf(alertOutput) }, ({ actor, query }) =>
  listAlerts(actor, query),
);
