import "server-only";
import { db } from "@/lib/db/client";
import { revokeOtherSessions, revokeSession } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { removeAllPushSubscriptions } from "@/lib/notifications/web-push-subscriptions";

/**
 * End this session, or every session of the caregiver ("sign out everywhere": their browsers stop
 * receiving notifications too; a plain sign-out keeps this browser's, like a session that times out).
 */
export async function signOut(actor: Actor, allSessions: boolean, now: Date) {
  const me = requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    let ended = 0;
    let browsers = 0;
    if (allSessions) {
      ended = await revokeOtherSessions(tx, me.caregiverId, undefined, "signed_out_everywhere", now);
      browsers = await removeAllPushSubscriptions(tx, me.caregiverId);
    } else if (me.sessionId) {
      await revokeSession(tx, me.sessionId, "signed_out", now);
      ended = 1;
    }
    await recordAudit(tx, actor, {
      action: allSessions ? "auth.logout_all" : "auth.logout",
      targetType: "session",
      targetId: me.sessionId ?? null,
      ...(allSessions ? { metadata: { push_subscriptions_removed: browsers } } : {}),
    });
    return { sessions_ended: ended };
  });
}
