"use server";

import { clock } from "@/lib/clock";
import { cookieSession } from "@/app/_server/session";
import { recordSessionActivity } from "@/lib/auth/sessions";
import { withRequestContext } from "@/app/_server/request-context";
import type { SessionClock } from "@/components/layout/idle-logoff";

/** What the idle-logoff client is told once the session is over: why, so sign-in says "timed out" only when it did. */
const ended = (state: { ended?: SessionClock["ended"] } | null): SessionClock => ({ ended: state?.ended ?? "signed_out" });

/** How long the dashboard session has left, without counting as activity (the warning asks this), or why it ended. */
export async function sessionClockAction(): Promise<SessionClock> {
  return withRequestContext(async () => {
    const { actor, state } = await cookieSession();
    if (!actor) return ended(state);
    if (!state.idleEndsAt) return ended(null);
    return { remainingMs: state.idleEndsAt.getTime() - clock.now().getTime(), timeoutMs: state.idleTimeoutMinutes! * 60_000 };
  });
}

/** The caregiver clicked or typed (the dashboard reports it, throttled): the idle clock starts again. */
export async function sessionActivityAction(): Promise<SessionClock> {
  return withRequestContext(async () => {
    const { actor, state } = await cookieSession();
    if (!actor) return ended(state);
    if (!state.idleTimeoutMinutes) return ended(null);
    await recordSessionActivity(actor.sessionId!, clock.now());
    return { remainingMs: state.idleTimeoutMinutes * 60_000, timeoutMs: state.idleTimeoutMinutes * 60_000 };
  });
}
