import { route } from "@/lib/api/route";
import { changePassword } from "@/lib/caregivers/change-password";
import { changePasswordInput, changePasswordOutput } from "@/lib/caregivers/schemas";

export const POST = route(
  { name: "POST /api/v1/auth/change-password", auth: "caregiver", body: changePasswordInput, response: changePasswordOutput },
  ({ actor, body, now }) => changePassword(actor, body, now),
);
