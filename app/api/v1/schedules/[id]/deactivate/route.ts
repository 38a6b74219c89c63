import { route } from "@/lib/api/route";
import { updateSchedule } from "@/lib/schedules/schedules";
import { scheduleIdParams, scheduleOutput } from "@/lib/schedules/schemas";

/** Pause a schedule: no new instances; future undelivered ones are removed. */
export const POST = route(
  { name: "POST /api/v1/schedules/{id}/deactivate", auth: "caregiver", params: scheduleIdParams, response: scheduleOutput },
  ({ actor, params, now }) => updateSchedule(actor, params.id, { is_active: false }, now),
);
