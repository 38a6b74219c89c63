import { route } from "@/lib/api/route";
import { listPatientAlerts } from "@/lib/alerts/list-alerts";
import { patientAlertsQuery } from "@/lib/alerts/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/alerts", auth: "caregiver", params: patientIdParams, query: patientAlertsQuery },
  ({ actor, params, query }) => listPatientAlerts(actor, params.id, query),
);
