import { route } from "@/lib/api/route";
import { revokeConsent } from "@/lib/consents/consents";
import { consentIdParams, consentOutput } from "@/lib/consents/schemas";

export const POST = route(
  {
    name: "POST /api/v1/consents/{id}/revoke",
    auth: "caregiver",
    params: consentIdParams,
    response: consentOutput,
    summary: "Revoke a consent (once; 409 when already revoked or superseded)",
  },
  ({ actor, params, now }) => revokeConsent(actor, params.id, now),
);
