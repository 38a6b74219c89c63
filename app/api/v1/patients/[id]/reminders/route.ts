import { route } from "@/lib/api/route";
import { pageOf } from "@/lib/api/pagination";
import { patientIdParams } from "@/lib/patients/schemas";
import { listReminders } from "@/lib/reminders/caregiver-reminders";
import { listRemindersQuery, reminderOutput } from "@/lib/reminders/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/reminders", auth: "caregiver", params: patientIdParams, query: listRemindersQuery, response: pageOf(reminderOutput) },
  ({ actor, params, query }) => listReminders(actor, params.id, query),
);
