import { z } from "zod";
import { route } from "@/lib/api/route";
import { listDevices } from "@/lib/devices/devices";
import { deviceOutput } from "@/lib/devices/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/devices", auth: "caregiver", params: patientIdParams, response: z.object({ items: z.array(deviceOutput) }) },
  ({ actor, params }) => listDevices(actor, params.id),
);
