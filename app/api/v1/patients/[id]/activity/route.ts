import { route } from "@/lib/api/route";
import { pageOf } from "@/lib/api/pagination";
import { listActivity } from "@/lib/activity/list-activity";
import { activityOutput, deviceStatus, listActivityQuery } from "@/lib/activity/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  {
    name: "GET /api/v1/patients/{id}/activity",
    auth: "caregiver",
    params: patientIdParams,
    query: listActivityQuery,
    response: pageOf(activityOutput).extend({ status: deviceStatus }),
  },
  ({ actor, params, query, now }) => listActivity(actor, params.id, query, now),
);
