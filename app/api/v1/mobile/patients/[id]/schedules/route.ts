import { route } from "@/lib/api/route";
import { patientIdParams } from "@/lib/patients/schemas";
import { listPhoneSchedules } from "@/lib/schedules/list-phone-schedules";
import { scheduleOutput } from "@/lib/schedules/schemas";
import { z } from "zod";

export const GET = route(
  { name: "GET /api/v1/mobile/patients/{id}/schedules", auth: "device", params: patientIdParams, response: z.array(scheduleOutput) },
  ({ actor, params }) => listPhoneSchedules(actor, params.id),
);
