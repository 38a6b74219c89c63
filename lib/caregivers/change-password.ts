import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { NotFound, ValidationFailed } from "@/lib/api/errors";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { revokeOtherSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { removeAllPushSubscriptions } from "@/lib/notifications/web-push-subscriptions";
import { changePasswordInput } from "./schemas";

/** Needs the current password; ends every other session of the caregiver and unsubscribes every browser from notifications. */
export async function changePassword(actor: Actor, input: z.infer<typeof changePasswordInput>, now: Date) {
  const me = requireCaregiver(actor);
  const c = await db.caregiver.findUnique({ where: { id: me.caregiverId } });
  if (!c) throw new NotFound("Caregiver");
  if (!(await verifyPassword(input.current_password, c.passwordHash))) {
    throw new ValidationFailed([{ field: "current_password", message: "The current password is not correct." }]);
  }
  const problem = passwordProblem(input.new_password, [c.email, c.firstName, c.lastName]);
  if (problem) throw new ValidationFailed([{ field: "new_password", message: problem }]);
  if (input.new_password === input.current_password) {
    throw new ValidationFailed([{ field: "new_password", message: "Choose a password different from the current one." }]);
  }
  const passwordHash = await hashPassword(input.new_password);
  const ended = await db.$transaction(async (tx) => {
    await tx.caregiver.update({ where: { id: c.id }, data: { passwordHash, passwordChangedAt: now } });
    const count = await revokeOtherSessions(tx, c.id, me.sessionId, "password_changed", now);
    const browsers = await removeAllPushSubscriptions(tx, c.id);
    await recordAudit(tx, actor, {
      action: "caregiver.password_changed",
      targetType: "caregiver",
      targetId: c.id,
      metadata: { sessions_ended: count, push_subscriptions_removed: browsers },
    });
    return count;
  });
  return { message: "Password changed.", other_sessions_ended: ended };
}
