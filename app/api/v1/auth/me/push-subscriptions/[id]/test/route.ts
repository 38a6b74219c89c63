import { route } from "@/lib/api/route";
import { pushSubscriptionParams, testNotificationOutput } from "@/lib/notifications/schemas";
import { sendTestNotification } from "@/lib/notifications/send-test-notification";

export const POST = route(
  {
    name: "POST /api/v1/auth/me/push-subscriptions/{id}/test",
    auth: "caregiver",
    params: pushSubscriptionParams,
    response: testNotificationOutput,
    summary: "Send a test notification to a browser",
  },
  ({ actor, params, now }) => sendTestNotification(actor, params.id, now),
);
