import "server-only";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { clock } from "@/lib/clock";
import type { CaregiverActor } from "./actor";
import { readSessionCookie } from "./session-cookie";
import { sessionIsLive } from "./sessions";

/**
 * For server components and server actions: the signed-in caregiver, checked on the server against the
 * session row (middleware is never the only check). Redirects to /login otherwise.
 */
export async function currentCaregiver(): Promise<CaregiverActor | null> {
  const h = await headers();
  const s = await readSessionCookie(h.get("cookie"));
  if (!s || !(await sessionIsLive(s.sessionId, s.caregiverId, clock.now()))) return null;
  return { kind: "caregiver", caregiverId: s.caregiverId, via: "session", sessionId: s.sessionId };
}

export async function requireCaregiverPage(): Promise<CaregiverActor> {
  const actor = await currentCaregiver();
  if (!actor) redirect("/login");
  return actor;
}
