import { route } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { issueTokens } from "@/lib/auth/sessions";
import { authenticateCaregiver } from "@/lib/caregivers/authenticate-caregiver";
import { presentCaregiver } from "@/lib/caregivers/present-caregiver";
import { apiLoginInput, loginOutput } from "@/lib/caregivers/schemas";

export const POST = route({ name: "POST /api/v1/auth/login", auth: "public", body: apiLoginInput, response: loginOutput }, async ({ body, now, ip, req }) => {
  const { caregiver, session } = await authenticateCaregiver(body.email, body.password, "api", { ip, userAgent: req.headers.get("user-agent") }, now, {
    code: body.totp_code ?? body.recovery_code,
  });
  const tokens = await issueTokens(db, session.id, caregiver.id, now);
  return { ...tokens, caregiver: await presentCaregiver(db, caregiver.id) };
});
