import "server-only";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db/client";
import { NotFound, ValidationFailed } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { PushSubscriptionInput } from "./schemas";

/**
 * A caregiver's browsers that receive Web Push (SPEC §7). One row per browser: the push service's endpoint
 * is unique, and whoever turns notifications on in a browser owns it from then on (a shared computer never
 * keeps pushing the previous person's alerts). Kept when a session merely ends (idle logoff, expiry), so
 * alerts still arrive; removed by "sign out everywhere", a password change and a disabled account.
 */
const MAX_BROWSERS = 10;

type Row = { id: string; endpoint: string; userAgent: string | null; createdAt: Date; lastUsedAt: Date | null };
const present = (s: Row) => ({
  id: s.id,
  endpoint: s.endpoint,
  user_agent: s.userAgent,
  created_at: s.createdAt.toISOString(),
  last_used_at: s.lastUsedAt?.toISOString() ?? null,
});

/**
 * Only the browsers' push services may be sent to: a subscription naming any other host would make the
 * server post to it on every alert (request forgery). WEB_PUSH_ALLOWED_HOSTS replaces the list.
 */
export function isAllowedPushEndpoint(endpoint: string, allowed = config().webPushAllowedHosts): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return allowed.some((a) => (a.startsWith(".") ? host.endsWith(a) && host.length > a.length : host === a));
}

export async function listPushSubscriptions(actor: Actor) {
  const me = requireCaregiver(actor);
  const rows = await db.webPushSubscription.findMany({ where: { caregiverId: me.caregiverId }, orderBy: { createdAt: "asc" } });
  return { vapid_public_key: config().webPush?.publicKey ?? null, items: rows.map(present) };
}

/** Turn notifications on for a browser (or renew its keys); the browser moves to this caregiver if someone else had it. */
export async function subscribeToPush(actor: Actor, input: PushSubscriptionInput, userAgent: string | null, now: Date) {
  const me = requireCaregiver(actor);
  if (!isAllowedPushEndpoint(input.endpoint)) {
    throw new ValidationFailed([{ field: "endpoint", message: "This is not the address of a browser push service Elda sends to." }]);
  }
  const data = {
    caregiverId: me.caregiverId,
    p256dh: input.keys.p256dh.replace(/=+$/, ""),
    auth: input.keys.auth.replace(/=+$/, ""),
    userAgent: userAgent?.slice(0, 300) ?? null,
  };
  return db.$transaction(async (tx) => {
    const s = await tx.webPushSubscription.upsert({
      where: { endpoint: input.endpoint },
      create: { ...data, endpoint: input.endpoint, createdAt: now },
      update: data,
    });
    // a bounded number of browsers per caregiver: the least recently used go first
    const mine = await tx.webPushSubscription.findMany({ where: { caregiverId: me.caregiverId }, select: { id: true, createdAt: true, lastUsedAt: true } });
    if (mine.length > MAX_BROWSERS) {
      const last = (r: { createdAt: Date; lastUsedAt: Date | null }) => Math.max(r.createdAt.getTime(), r.lastUsedAt?.getTime() ?? 0);
      const drop = mine
        .filter((r) => r.id !== s.id)
        .sort((a, b) => last(a) - last(b))
        .slice(0, mine.length - MAX_BROWSERS);
      await tx.webPushSubscription.deleteMany({ where: { id: { in: drop.map((r) => r.id) } } });
    }
    await recordAudit(tx, actor, { action: "caregiver.push_subscribed", targetType: "web_push_subscription", targetId: s.id });
    return present(s);
  });
}

/** Turn notifications off for one of the caregiver's browsers; someone else's (or an unknown) id is 404. */
export async function unsubscribeFromPush(actor: Actor, id: string) {
  const me = requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    const s = await tx.webPushSubscription.findFirst({ where: { id, caregiverId: me.caregiverId }, select: { id: true } });
    if (!s) throw new NotFound("Push subscription");
    await tx.webPushSubscription.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "caregiver.push_unsubscribed", targetType: "web_push_subscription", targetId: id });
    return { removed: true as const };
  });
}

/** Every browser of the caregiver stops receiving pushes ("sign out everywhere", a password change). */
export async function removeAllPushSubscriptions(tx: Tx, caregiverId: string): Promise<number> {
  return (await tx.webPushSubscription.deleteMany({ where: { caregiverId } })).count;
}

/** One of the caregiver's own subscriptions, or 404. */
export async function ownPushSubscription(actor: Actor, id: string) {
  const me = requireCaregiver(actor);
  const s = await db.webPushSubscription.findFirst({ where: { id, caregiverId: me.caregiverId }, select: { id: true, caregiverId: true } });
  if (!s) throw new NotFound("Push subscription");
  return s;
}
