import { route } from "@/lib/api/route";
import { registerCaregiver } from "@/lib/caregivers/register-caregiver";
import { caregiverOutput, registerInput } from "@/lib/caregivers/schemas";

export const POST = route(
  { name: "POST /api/v1/auth/register", auth: "public", body: registerInput, status: 201, response: caregiverOutput },
  ({ body, now, ip }) => registerCaregiver(body, ip, now),
);
