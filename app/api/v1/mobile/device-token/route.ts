import { z } from "zod";
import { route } from "@/lib/api/route";
import { registerPushToken } from "@/lib/devices/devices";
import { deviceTokenInput } from "@/lib/devices/schemas";

export const POST = route(
  { name: "POST /api/v1/mobile/device-token", auth: "device", body: deviceTokenInput, response: z.object({ success: z.boolean(), message: z.string() }) },
  ({ actor, body, now }) => registerPushToken(actor, body, now),
);
