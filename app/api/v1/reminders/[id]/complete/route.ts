import { route } from "@/lib/api/route";
import { completeReminderForPatient } from "@/lib/reminders/caregiver-reminders";
import { caregiverReminderActionInput, reminderIdParams, reminderOutput } from "@/lib/reminders/schemas";

export const POST = route(
  { name: "POST /api/v1/reminders/{id}/complete", auth: "caregiver", params: reminderIdParams, body: caregiverReminderActionInput, response: reminderOutput },
  ({ actor, params, body, now }) => completeReminderForPatient(actor, params.id, body.note, now),
);
