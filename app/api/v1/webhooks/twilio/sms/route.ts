import { route } from "@/lib/api/route";
import { raw } from "@/lib/api/answers";
import { handleIncomingSms, twiml, verifiedTwilioParams } from "@/lib/notifications/twilio-webhooks";

/** Twilio: an SMS to our number ("ACK 1234", STOP, START). Signed by Twilio; anything else is refused. */
export const POST = route(
  { name: "POST /api/v1/webhooks/twilio/sms", auth: "public", response: raw({ "text/xml": "TwiML: the reply to send, if any" }) },
  async ({ req, now }) => twiml(await handleIncomingSms(await verifiedTwilioParams(req), now)),
);
