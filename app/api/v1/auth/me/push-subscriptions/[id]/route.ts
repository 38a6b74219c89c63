import { z } from "zod";
import { route } from "@/lib/api/route";
import { pushSubscriptionParams } from "@/lib/notifications/schemas";
import { unsubscribeFromPush } from "@/lib/notifications/web-push-subscriptions";

export const DELETE = route(
  {
    name: "DELETE /api/v1/auth/me/push-subscriptions/{id}",
    auth: "caregiver",
    params: pushSubscriptionParams,
    response: z.object({ removed: z.literal(true) }),
    summary: "Turn notifications off for a browser",
  },
  ({ actor, params }) => unsubscribeFromPush(actor, params.id),
);
