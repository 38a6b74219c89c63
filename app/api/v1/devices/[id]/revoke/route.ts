import { route } from "@/lib/api/route";
import { revokeDevice } from "@/lib/devices/devices";
import { deviceIdParams, deviceOutput } from "@/lib/devices/schemas";

export const POST = route(
  { name: "POST /api/v1/devices/{id}/revoke", auth: "caregiver", params: deviceIdParams, response: deviceOutput },
  ({ actor, params, now }) => revokeDevice(actor, params.id, now),
);
