import { z } from "zod";
import { route } from "@/lib/api/route";
import { patientIdParams } from "@/lib/patients/schemas";
import { listPhoneReminders } from "@/lib/reminders/list-phone-reminders";
import { reminderOutput } from "@/lib/reminders/schemas";

export const GET = route(
  { name: "GET /api/v1/mobile/patients/{id}/reminders", auth: "device", params: patientIdParams, response: z.array(reminderOutput) },
  ({ actor, params, now }) => listPhoneReminders(actor, params.id, now),
);
