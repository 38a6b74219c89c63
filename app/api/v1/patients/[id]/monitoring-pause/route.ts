import { route } from "@/lib/api/route";
import { getMonitoringPause, pauseMonitoring, resumeMonitoring } from "@/lib/patients/monitoring-pause";
import { monitoringPauseOutput, patientIdParams, pauseMonitoringInput } from "@/lib/patients/schemas";

export const GET = route(
  {
    name: "GET /api/v1/patients/{id}/monitoring-pause",
    auth: "caregiver",
    params: patientIdParams,
    response: monitoringPauseOutput,
    summary: "Whether inactivity and phone-offline monitoring is paused",
  },
  ({ actor, params, now }) => getMonitoringPause(actor, params.id, now),
);
export const POST = route(
  {
    name: "POST /api/v1/patients/{id}/monitoring-pause",
    auth: "caregiver",
    params: patientIdParams,
    body: pauseMonitoringInput,
    response: monitoringPauseOutput,
    summary: "Pause inactivity and phone-offline monitoring until a date (ends their open alerts)",
  },
  ({ actor, params, body, now }) => pauseMonitoring(actor, params.id, body, now),
);
export const DELETE = route(
  {
    name: "DELETE /api/v1/patients/{id}/monitoring-pause",
    auth: "caregiver",
    params: patientIdParams,
    response: monitoringPauseOutput,
    summary: "Resume monitoring now",
  },
  ({ actor, params, now }) => resumeMonitoring(actor, params.id, now),
);
