import { route } from "@/lib/api/route";
import { enforceIpRateLimit } from "@/lib/auth/rate-limit";
import { rotateRefreshToken } from "@/lib/auth/sessions";
import { refreshInput, tokenOutput } from "@/lib/caregivers/schemas";

export const POST = route({ name: "POST /api/v1/auth/refresh", auth: "public", body: refreshInput, response: tokenOutput }, async ({ body, now, ip }) => {
  await enforceIpRateLimit("refresh", ip, 60, 60, now);
  return rotateRefreshToken(body.refresh_token, now);
});
