import { route } from "@/lib/api/route";
import { addAlertNote } from "@/lib/alerts/alert-actions";
import { alertDetailOutput, alertIdParams, alertNoteInput } from "@/lib/alerts/schemas";

export const POST = route(
  { name: "POST /api/v1/alerts/{id}/notes", auth: "caregiver", params: alertIdParams, body: alertNoteInput, status: 201, response: alertDetailOutput },
  ({ actor, params, body, now }) => addAlertNote(actor, params.id, body.note, now),
);
