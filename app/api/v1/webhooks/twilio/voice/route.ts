import { route } from "@/lib/api/route";
import { raw } from "@/lib/api/answers";
import { handleVoiceGather, twiml, verifiedTwilioParams } from "@/lib/notifications/twilio-webhooks";

/** Twilio: the key a caregiver pressed during an alert call (1 acknowledges). */
export const POST = route(
  { name: "POST /api/v1/webhooks/twilio/voice", auth: "public", response: raw({ "text/xml": "TwiML: what the call says next" }) },
  async ({ req, now }) => {
    const params = await verifiedTwilioParams(req);
    return twiml(await handleVoiceGather(new URL(req.url).searchParams.get("alert_id"), params, now));
  },
);
