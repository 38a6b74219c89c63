import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import type { CaregiverActor } from "@/lib/auth/actor";
import { listMyOrganizations } from "@/lib/orgs/organizations";

/** The cookie naming the organization the dashboard works in; only ever trusted after checking the memberships. */
const COOKIE = "elda-organization";

/** Make this organization the current one (after joining, creating or switching); the caller has checked the membership. */
export async function rememberOrganization(organizationId: string) {
  (await cookies()).set(COOKIE, organizationId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 86_400 });
}

/**
 * The caregiver's organizations and the current one: the cookie's, when it names one of their memberships on
 * this request, else the first (oldest) one; null for a caregiver in no organization. Checked on every request,
 * so a removed membership or a forged cookie never scopes anything.
 */
export const currentOrganization = cache(async (actor: CaregiverActor) => {
  const { items } = await listMyOrganizations(actor);
  const wanted = (await cookies()).get(COOKIE)?.value;
  return { organizations: items, current: items.find((o) => o.id === wanted) ?? items[0] ?? null };
});
