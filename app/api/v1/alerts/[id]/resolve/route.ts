import { route } from "@/lib/api/route";
import { resolveAlert } from "@/lib/alerts/alert-actions";
import { alertDetailOutput, alertIdParams, resolveAlertInput } from "@/lib/alerts/schemas";

export const POST = route(
  { name: "POST /api/v1/alerts/{id}/resolve", auth: "caregiver", params: alertIdParams, body: resolveAlertInput, response: alertDetailOutput },
  ({ actor, params, body, now }) => resolveAlert(actor, params.id, body.note, now),
);
