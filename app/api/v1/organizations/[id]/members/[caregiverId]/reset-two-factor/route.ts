import { z } from "zod";
import { route } from "@/lib/api/route";
import { memberParams } from "@/lib/orgs/schemas";
import { resetMemberTwoFactor } from "@/lib/auth/two-factor/reset";

export const POST = route(
  {
    name: "POST /api/v1/organizations/{id}/members/{caregiverId}/reset-two-factor",
    auth: "caregiver",
    params: memberParams,
    response: z.object({ caregiver_id: z.uuid(), two_factor_enabled: z.literal(false) }),
    summary: "Owners and admins: forget a member's second factor (a lost phone); only an owner resets an owner's",
  },
  async ({ actor, params }) => {
    await resetMemberTwoFactor(actor, params.id, params.caregiverId);
    return { caregiver_id: params.caregiverId, two_factor_enabled: false as const };
  },
);
