import { route } from "@/lib/api/route";
import { getReminder } from "@/lib/reminders/caregiver-reminders";
import { reminderIdParams, reminderOutput } from "@/lib/reminders/schemas";

export const GET = route({ name: "GET /api/v1/reminders/{id}", auth: "caregiver", params: reminderIdParams, response: reminderOutput }, ({ actor, params }) =>
  getReminder(actor, params.id),
);
