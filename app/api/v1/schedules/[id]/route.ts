import { route } from "@/lib/api/route";
import { noContent } from "@/lib/api/answers";
import { deleteSchedule, getSchedule, updateSchedule } from "@/lib/schedules/schedules";
import { scheduleIdParams, scheduleOutput, updateScheduleInput } from "@/lib/schedules/schemas";

export const GET = route({ name: "GET /api/v1/schedules/{id}", auth: "caregiver", params: scheduleIdParams, response: scheduleOutput }, ({ actor, params }) =>
  getSchedule(actor, params.id),
);
export const PATCH = route(
  { name: "PATCH /api/v1/schedules/{id}", auth: "caregiver", params: scheduleIdParams, body: updateScheduleInput, response: scheduleOutput },
  ({ actor, params, body, now }) => updateSchedule(actor, params.id, body, now),
);
export const DELETE = route(
  { name: "DELETE /api/v1/schedules/{id}", auth: "caregiver", params: scheduleIdParams, response: noContent },
  ({ actor, params, now }) => deleteSchedule(actor, params.id, now),
);
