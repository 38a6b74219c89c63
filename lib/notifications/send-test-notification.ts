import "server-only";
import { db } from "@/lib/db/client";
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import type { Actor } from "@/lib/auth/actor";
import { dispatchAttempts } from "./dispatch";
import { ownPushSubscription } from "./web-push-subscriptions";

/**
 * "Send a test notification" to one of the caregiver's browsers: recorded as an attempt like any other
 * (purpose `test`, no patient), sent at once, and answered with what happened: sent, simulated (no VAPID
 * keys), failed with the push service's reason, or pending when it will be tried again.
 */
export async function sendTestNotification(actor: Actor, subscriptionId: string, now: Date) {
  const s = await ownPushSubscription(actor, subscriptionId);
  await enforceRateLimit(`push-test:${s.caregiverId}`, 5, 60, now, "Wait a minute before sending another test notification.");
  const attempt = await db.notificationAttempt.create({
    data: {
      idempotencyKey: `test:${s.id}:${now.getTime()}:${crypto.randomUUID()}`,
      caregiverId: s.caregiverId,
      channel: "web_push",
      purpose: "test",
      recipient: s.id,
      status: "pending",
      createdAt: now,
    },
  });
  await dispatchAttempts([attempt.id], now);
  const after = await db.notificationAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
  return {
    attempt_id: after.id,
    status: after.status as "pending" | "sending" | "sent" | "simulated" | "failed" | "skipped",
    error: after.error,
    next_attempt_at: after.nextAttemptAt?.toISOString() ?? null,
  };
}
