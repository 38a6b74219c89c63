import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { clock } from "@/lib/clock";
import type { CaregiverActor } from "@/lib/auth/actor";
import { readSessionCookie } from "@/lib/auth/session-cookie";
import { recordSessionActivity, sessionState, type SessionState } from "@/lib/auth/sessions";
import { markIfDatabaseUnavailable } from "@/lib/db/unavailable";

export const TWO_FACTOR_SETUP_PATH = "/two-factor/setup";

/** The dashboard cookie's session and its state now (revoking it when it has been idle too long). */
export async function cookieSession(): Promise<{ actor: CaregiverActor; state: SessionState } | { actor: null; state: SessionState | null }> {
  const h = await headers();
  const s = await readSessionCookie(h.get("cookie"));
  if (!s) return { actor: null, state: null };
  const state = await sessionState(s.sessionId, s.caregiverId, clock.now());
  if (!state.live) return { actor: null, state };
  return { actor: { kind: "caregiver", caregiverId: s.caregiverId, via: "session", sessionId: s.sessionId }, state };
}

/**
 * The signed-in caregiver of this request, checked on the server against the session row (the proxy is never
 * the only check), or null. A page render or a form sent is the caregiver's activity, so the idle clock starts
 * again (background polling goes through the API and never does).
 */
export async function currentCaregiver(): Promise<CaregiverActor | null> {
  const { actor } = await cookieSession();
  if (actor) await recordSessionActivity(actor.sessionId!, clock.now());
  return actor;
}

/**
 * The signed-in caregiver, or a redirect to /login (saying so when the session ended for want of activity);
 * a caregiver whose organization requires two-factor sign-in is sent to set it up before anything else.
 * Checked once per request (layout, page and action share it); it is every dashboard request's first database
 * query, so an outage is marked here for the error boundary.
 */
export const signedInCaregiver = cache(async (): Promise<CaregiverActor> => {
  const { actor, state } = await cookieSession().catch((err: unknown) => {
    throw markIfDatabaseUnavailable(err);
  });
  if (!actor) redirect(state?.ended === "idle" ? "/login?timed_out=1" : "/login");
  if (state.mustEnrolTwoFactor) redirect(TWO_FACTOR_SETUP_PATH);
  await recordSessionActivity(actor.sessionId!, clock.now());
  return actor;
});
