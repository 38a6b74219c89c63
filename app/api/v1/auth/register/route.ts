import { route } from "@/lib/api/route";
import { registerCaregiver } from "@/lib/caregivers/register-caregiver";
import { registerInput } from "@/lib/caregivers/schemas";

export const POST = route({ name: "POST /api/v1/auth/register", auth: "public", body: registerInput, status: 201 }, ({ body, now, ip }) =>
  registerCaregiver(body, ip, now),
);
