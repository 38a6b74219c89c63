import { route } from "@/lib/api/route";
import { acknowledgeReminder } from "@/lib/reminders/acknowledge-reminder";
import { acknowledgeReminderInput, reminderIdParams, reminderOutput } from "@/lib/reminders/schemas";

export const PUT = route(
  { name: "PUT /api/v1/mobile/reminders/{id}/acknowledge", auth: "device", params: reminderIdParams, body: acknowledgeReminderInput, response: reminderOutput },
  ({ actor, params, body, now }) => acknowledgeReminder(actor, params.id, body, now),
);
