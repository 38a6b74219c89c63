import { route } from "@/lib/api/route";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { listAlertsQuery } from "@/lib/alerts/schemas";

export const GET = route({ name: "GET /api/v1/alerts", auth: "caregiver", query: listAlertsQuery }, ({ actor, query }) => listAlerts(actor, query));
