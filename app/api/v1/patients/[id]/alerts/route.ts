import { route } from "@/lib/api/route";
import { listPatientAlerts } from "@/lib/alerts/list-alerts";
import { alertOutput, patientAlertsQuery } from "@/lib/alerts/schemas";
import { pageOf } from "@/lib/api/pagination";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/alerts", auth: "caregiver", params: patientIdParams, query: patientAlertsQuery, response: pageOf(alertOutput) },
  ({ actor, params, query }) => listPatientAlerts(actor, params.id, query),
);
