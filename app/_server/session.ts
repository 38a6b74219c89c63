import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { clock } from "@/lib/clock";
import type { CaregiverActor } from "@/lib/auth/actor";
import { readSessionCookie } from "@/lib/auth/session-cookie";
import { sessionIsLive } from "@/lib/auth/sessions";
import { markIfDatabaseUnavailable } from "@/lib/db/unavailable";

/**
 * The signed-in caregiver of this request, checked on the server against the session row (the proxy is never
 * the only check), or null.
 */
export async function currentCaregiver(): Promise<CaregiverActor | null> {
  const h = await headers();
  const s = await readSessionCookie(h.get("cookie"));
  if (!s || !(await sessionIsLive(s.sessionId, s.caregiverId, clock.now()))) return null;
  return { kind: "caregiver", caregiverId: s.caregiverId, via: "session", sessionId: s.sessionId };
}

/**
 * The signed-in caregiver, or a redirect to /login. Checked once per request (layout, page and action share
 * it); it is every dashboard request's first database query, so an outage is marked here for the error boundary.
 */
export const signedInCaregiver = cache(async (): Promise<CaregiverActor> => {
  const actor = await currentCaregiver().catch((err: unknown) => {
    throw markIfDatabaseUnavailable(err);
  });
  if (!actor) redirect("/login");
  return actor;
});
