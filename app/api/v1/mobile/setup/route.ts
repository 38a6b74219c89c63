import { route } from "@/lib/api/route";
import { completeSetup } from "@/lib/devices/complete-setup";
import { setupInput, setupOutput } from "@/lib/devices/schemas";

export const POST = route(
  {
    name: "POST /api/v1/mobile/setup",
    auth: "public",
    body: setupInput,
    response: setupOutput,
    summary: "Pair the phone: trade the QR code's setup token for the device credential",
  },
  ({ body, ip, now }) => completeSetup(body, ip, now),
);
