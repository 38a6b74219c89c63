"use server";

import { clock } from "@/lib/clock";
import { cookieSession } from "@/app/_server/session";
import { recordSessionActivity } from "@/lib/auth/sessions";
import { withRequestContext } from "@/app/_server/request-context";
import type { SessionClock } from "@/components/layout/idle-logoff";

/** How long the dashboard session has left, without counting as activity (the warning asks this); null once it has ended. */
export async function sessionClockAction(): Promise<SessionClock | null> {
  return withRequestContext(async () => {
    const { actor, state } = await cookieSession();
    if (!actor || !state.idleEndsAt) return null;
    return { remainingMs: state.idleEndsAt.getTime() - clock.now().getTime(), timeoutMs: state.idleTimeoutMinutes! * 60_000 };
  });
}

/** The caregiver clicked or typed (the dashboard reports it, throttled): the idle clock starts again. */
export async function sessionActivityAction(): Promise<SessionClock | null> {
  return withRequestContext(async () => {
    const { actor, state } = await cookieSession();
    if (!actor || !state.idleTimeoutMinutes) return null;
    await recordSessionActivity(actor.sessionId!, clock.now());
    return { remainingMs: state.idleTimeoutMinutes * 60_000, timeoutMs: state.idleTimeoutMinutes * 60_000 };
  });
}
