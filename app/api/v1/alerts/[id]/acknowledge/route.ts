import { route } from "@/lib/api/route";
import { acknowledgeAlert } from "@/lib/alerts/alert-actions";
import { acknowledgeAlertInput, alertDetailOutput, alertIdParams } from "@/lib/alerts/schemas";

export const POST = route(
  { name: "POST /api/v1/alerts/{id}/acknowledge", auth: "caregiver", params: alertIdParams, body: acknowledgeAlertInput, response: alertDetailOutput },
  ({ actor, params, body, now }) => acknowledgeAlert(actor, params.id, body.note, now),
);
