"use server";

import { signOut } from "@/lib/auth/next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { uuid } from "@/lib/validation/common";
import { getOrganization } from "@/lib/orgs/organizations";
import { withRequestContext } from "@/app/_server/request-context";
import { formAction } from "@/app/_server/action";
import { rememberOrganization } from "@/app/_server/current-organization";

/** Ends this session (next-auth's signOut event revokes the session row) and goes to the sign-in page. */
export async function signOutAction() {
  await withRequestContext(() => signOut({ redirectTo: "/login?signed_out=1" }));
}

const switchInput = z.strictObject({ organization_id: uuid });

/** Make another of my organizations the current one (checked against my memberships), then back to the page I was on. */
export const switchOrganizationAction = formAction({
  fields: ["organization_id"],
  schema: switchInput,
  run: async ({ organization_id }, { actor }) => {
    await getOrganization(actor, organization_id);
    await rememberOrganization(organization_id);
    return samePagePath((await headers()).get("referer"));
  },
  done: (to) => to,
  revalidate: () => "/",
});

/** The path of the page a form was sent from (same site only), else home. */
function samePagePath(referer: string | null): string {
  if (!referer) return "/";
  try {
    const u = new URL(referer);
    return u.pathname.startsWith("/") && !u.pathname.startsWith("//") ? u.pathname : "/";
  } catch {
    return "/";
  }
}
