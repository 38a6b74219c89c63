import { route } from "@/lib/api/route";
import { z } from "zod";
import { handleStatusCallback, verifiedTwilioParams } from "@/lib/notifications/twilio-webhooks";

/** Twilio: delivery status of a message or call we sent. */
export const POST = route(
  { name: "POST /api/v1/webhooks/twilio/status", auth: "public", response: z.object({ updated: z.number().int() }) },
  async ({ req, now }) => handleStatusCallback(await verifiedTwilioParams(req), now),
);
