import "server-only";
import type { Agent } from "node:https";
import webpush, { WebPushError } from "web-push";
import { clock } from "@/lib/clock";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/observability/logger";
import type { ChannelResult, ChannelSender, OutboundMessage } from "./types";

/**
 * Web Push to a caregiver's browser (RFC 8030 with VAPID, RFC 8292, and aes128gcm payload encryption,
 * RFC 8291) through the `web-push` library. The message's `to` is a web_push_subscriptions id. Without VAPID
 * keys pushes are simulated. A push service that answers 404 or 410 has dropped the subscription: it is
 * deleted. What the payload says shows on a lock screen, so the renderer keeps health details out of it.
 */
let agent: Agent | undefined;

/** Tests only: the TLS agent for a local push service with a self-signed certificate. */
export function setWebPushAgent(a: Agent | undefined) {
  agent = a;
}

/** What the service worker (public/sw.js) reads from the decrypted payload. */
export interface WebPushPayload {
  title: string;
  body: string;
  /** a same-origin path the click opens */
  url: string;
  /** notifications with the same tag replace each other on the screen */
  tag: string;
}

export const webPushSender: ChannelSender = {
  async send(m: OutboundMessage): Promise<ChannelResult> {
    const sub = await db.webPushSubscription.findUnique({ where: { id: m.to } });
    if (!sub) return { status: "failed", error: "This browser's subscription was removed.", permanent: true };
    const keys = config().webPush;
    if (!keys) {
      logger.info({ channel: "web_push", chars: m.text.length }, "web push simulated (no VAPID keys)");
      return { status: "simulated" };
    }
    const payload: WebPushPayload = { title: m.title ?? "Elda", body: m.text, url: m.url ?? "/", tag: m.attemptId ?? "elda" };
    try {
      const r = await webpush.sendNotification({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, JSON.stringify(payload), {
        vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: m.ttlSeconds ?? 12 * 3600,
        urgency: m.urgent ? "high" : "normal",
        // a retry replaces a copy the push service still holds instead of showing twice (32 url-safe characters)
        ...(m.attemptId ? { topic: m.attemptId.replaceAll("-", "").slice(0, 32) } : {}),
        timeout: 10_000,
        ...(agent ? { agent } : {}),
      });
      await db.webPushSubscription.updateMany({ where: { id: sub.id }, data: { lastUsedAt: clock.now() } });
      return { status: "sent", providerId: providerIdFrom(r.headers) };
    } catch (err) {
      if (err instanceof WebPushError) {
        if (err.statusCode === 404 || err.statusCode === 410) {
          await db.webPushSubscription.deleteMany({ where: { id: sub.id } });
          return {
            status: "failed",
            error: `The browser's push service no longer knows this subscription (${err.statusCode}); it was removed.`,
            permanent: true,
          };
        }
        // 429 and 5xx: the service is busy or down, try again; other 4xx: the request itself was refused
        const permanent = err.statusCode >= 400 && err.statusCode < 500 && err.statusCode !== 408 && err.statusCode !== 429;
        return { status: "failed", error: `The push service answered ${err.statusCode}: ${String(err.body ?? "").slice(0, 300)}`, permanent };
      }
      return { status: "failed", error: String((err as Error)?.message ?? err).slice(0, 500) };
    }
  },
};

/** The push service's message URL (RFC 8030 `Location`), when it gives one. */
function providerIdFrom(headers: Record<string, string | string[] | undefined>): string {
  const loc = headers["location"];
  return (Array.isArray(loc) ? loc[0] : loc)?.slice(0, 200) ?? "accepted";
}
