import { route } from "@/lib/api/route";
import { pushSubscriptionInput, pushSubscriptionOutput, pushSubscriptionsOutput } from "@/lib/notifications/schemas";
import { listPushSubscriptions, subscribeToPush } from "@/lib/notifications/web-push-subscriptions";

export const GET = route(
  {
    name: "GET /api/v1/auth/me/push-subscriptions",
    auth: "caregiver",
    response: pushSubscriptionsOutput,
    summary: "The browsers that receive my notifications, and the VAPID key to subscribe with",
  },
  ({ actor }) => listPushSubscriptions(actor),
);
export const POST = route(
  {
    name: "POST /api/v1/auth/me/push-subscriptions",
    auth: "caregiver",
    body: pushSubscriptionInput,
    status: 201,
    response: pushSubscriptionOutput,
    summary: "Turn notifications on for a browser (its PushSubscription)",
  },
  ({ actor, body, req, now }) => subscribeToPush(actor, body, req.headers.get("user-agent"), now),
);
