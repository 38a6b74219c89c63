import { route } from "@/lib/api/route";
import { logoutInput, signOutOutput } from "@/lib/caregivers/schemas";
import { signOut } from "@/lib/caregivers/sign-out";

export const POST = route({ name: "POST /api/v1/auth/logout", auth: "caregiver", body: logoutInput, response: signOutOutput }, ({ actor, body, now }) =>
  signOut(actor, body.all_sessions ?? false, now),
);
