import { route } from "@/lib/api/route";
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import { registerCaregiver } from "@/lib/caregivers/register-caregiver";
import { registerInput } from "@/lib/caregivers/schemas";

export const POST = route({ name: "POST /api/v1/auth/register", auth: "public", body: registerInput, status: 201 }, async ({ body, now, ip }) => {
  await enforceRateLimit(`register:${ip ?? "unknown"}`, 10, 3600, now, "Too many sign-ups from this address. Try again later.");
  return registerCaregiver(body, now);
});
