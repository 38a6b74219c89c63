import { route } from "@/lib/api/route";
import { pageOf } from "@/lib/api/pagination";
import { patientIdParams } from "@/lib/patients/schemas";
import { createSchedule, listSchedules } from "@/lib/schedules/schedules";
import { createScheduleInput, listSchedulesQuery, scheduleOutput } from "@/lib/schedules/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/schedules", auth: "caregiver", params: patientIdParams, query: listSchedulesQuery, response: pageOf(scheduleOutput) },
  ({ actor, params, query }) => listSchedules(actor, params.id, query),
);
export const POST = route(
  {
    name: "POST /api/v1/patients/{id}/schedules",
    auth: "caregiver",
    params: patientIdParams,
    body: createScheduleInput,
    status: 201,
    response: scheduleOutput,
  },
  ({ actor, params, body, now }) => createSchedule(actor, params.id, body, now),
);
