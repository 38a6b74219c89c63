import "server-only";
import twilio from "twilio";
import { config } from "@/lib/config";
import { logger } from "@/lib/observability/logger";
import { smsContactRefusal } from "../sms-contact-guard";
import { en } from "@/lib/caregiver-messages/en";
import type { ChannelResult, ChannelSender, OutboundMessage } from "./types";

type Client = ReturnType<typeof twilio>;
/** well inside a sender's claim (lib/notifications/claim-attempts.ts) */
const TIMEOUT_MS = 15_000;
let cached: Client | null | undefined;

/** The Twilio REST client, or null without credentials. TWILIO_API_BASE_URL points it at a local fake in tests. */
function client(): Client | null {
  if (cached !== undefined) return cached;
  const c = config().twilio;
  if (!c) return (cached = null);
  if (c.apiBaseUrl) {
    const base = c.apiBaseUrl.replace(/\/$/, "");
    class LocalRequestClient extends twilio.RequestClient {
      request<T>(opts: ConstructorParameters<typeof Object>[0] & { uri: string }) {
        return super.request<T>({ ...opts, uri: opts.uri.replace(/^https:\/\/[^/]+/, base) } as never);
      }
    }
    return (cached = twilio(c.accountSid, c.authToken, { httpClient: new LocalRequestClient({ timeout: TIMEOUT_MS }) }));
  }
  return (cached = twilio(c.accountSid, c.authToken, { timeout: TIMEOUT_MS }));
}

/** Twilio refused the request itself (4xx: an invalid or unsubscribed number...): another try cannot help; 429, 5xx and network errors can. */
const failure = (err: unknown): ChannelResult => {
  const status = Number((err as { status?: number })?.status);
  const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
  return { status: "failed", error: String((err as Error)?.message ?? err).slice(0, 500), permanent };
};

/** Every SMS Elda sends goes through here, and through the sms_contact guard first (SPEC §8). */
export const smsSender: ChannelSender = {
  async send(m: OutboundMessage) {
    const refusal = await smsContactRefusal(m.to);
    if (refusal) return { status: "skipped", error: refusal };
    const c = client();
    if (!c) {
      logger.info({ channel: "sms", chars: m.text.length }, "SMS simulated (no Twilio credentials)");
      return { status: "simulated" };
    }
    try {
      const r = await c.messages.create({
        to: m.to,
        from: config().twilio!.from,
        body: m.text,
        ...(m.statusCallbackUrl ? { statusCallback: m.statusCallbackUrl } : {}),
      });
      return { status: "sent", providerId: r.sid };
    } catch (err) {
      return failure(err);
    }
  },
};

const ENGLISH = { ...en.voice, prompt: en.call.prompt, noKey: en.call.noKey };

/** A call that says who and what, then asks to press 1 to acknowledge (TwiML Gather), in the voice and language of `spoken`. */
export function voiceTwiml(text: string, gatherUrl?: string, spoken: OutboundMessage["spoken"] = ENGLISH): string {
  const r = new twilio.twiml.VoiceResponse();
  const say = { voice: spoken.voice, language: spoken.language } as Parameters<typeof r.say>[0];
  if (gatherUrl) {
    const g = r.gather({ numDigits: 1, action: gatherUrl, method: "POST", timeout: 10 });
    g.say(say, `${text} ${spoken.prompt}`);
    r.say(say, spoken.noKey);
  } else {
    r.say(say, text);
  }
  return r.toString();
}
export const voiceSender: ChannelSender = {
  async send(m: OutboundMessage) {
    const c = client();
    if (!c) {
      logger.info({ channel: "voice" }, "call simulated (no Twilio credentials)");
      return { status: "simulated" };
    }
    try {
      const r = await c.calls.create({
        to: m.to,
        from: config().twilio!.from,
        twiml: voiceTwiml(m.text, m.gatherUrl, m.spoken),
        ...(m.statusCallbackUrl ? { statusCallback: m.statusCallbackUrl } : {}),
      });
      return { status: "sent", providerId: r.sid };
    } catch (err) {
      return failure(err);
    }
  },
};

/** Tests reset the cached client after changing the environment. */
export function resetTwilioClient() {
  cached = undefined;
}
