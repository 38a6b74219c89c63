import { route } from "@/lib/api/route";
import { recordHeartbeat } from "@/lib/activity/record-heartbeat";
import { heartbeatInput, heartbeatOutput } from "@/lib/activity/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const POST = route(
  { name: "POST /api/v1/patients/{id}/heartbeat", auth: "device_credential", params: patientIdParams, body: heartbeatInput, response: heartbeatOutput },
  ({ actor, params, body, now }) => recordHeartbeat(actor, params.id, body, now),
);
