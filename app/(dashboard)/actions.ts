"use server";

import { signOut } from "@/lib/auth/next-auth";
import { withRequestContext } from "@/app/_server/request-context";

/** Ends this session (next-auth's signOut event revokes the session row) and goes to the sign-in page. */
export async function signOutAction() {
  await withRequestContext(() => signOut({ redirectTo: "/login?signed_out=1" }));
}
