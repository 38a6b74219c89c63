import { route } from "@/lib/api/route";
import { skipReminder } from "@/lib/reminders/caregiver-reminders";
import { caregiverReminderActionInput, reminderIdParams, reminderOutput } from "@/lib/reminders/schemas";

export const POST = route(
  { name: "POST /api/v1/reminders/{id}/skip", auth: "caregiver", params: reminderIdParams, body: caregiverReminderActionInput, response: reminderOutput },
  ({ actor, params, body, now }) => skipReminder(actor, params.id, body.note, now),
);
