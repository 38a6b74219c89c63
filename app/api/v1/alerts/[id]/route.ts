import { route } from "@/lib/api/route";
import { getAlert } from "@/lib/alerts/get-alert";
import { alertDetailOutput, alertIdParams } from "@/lib/alerts/schemas";

export const GET = route({ name: "GET /api/v1/alerts/{id}", auth: "caregiver", params: alertIdParams, response: alertDetailOutput }, ({ actor, params }) =>
  getAlert(actor, params.id),
);
