import { route } from "@/lib/api/route";
import { registerCaregiver } from "@/lib/caregivers/register-caregiver";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { caregiverOutput, registerInput } from "@/lib/caregivers/schemas";

export const POST = route(
  { name: "POST /api/v1/auth/register", auth: "public", body: registerInput, status: 201, response: caregiverOutput },
  ({ body, now, ip, req }) => registerCaregiver(body, ip, now, negotiateLocale(req.headers.get("accept-language"))),
);
