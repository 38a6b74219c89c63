import { route } from "@/lib/api/route";
import { createApiKey, listApiKeys } from "@/lib/caregivers/api-keys";
import { apiKeyListOutput, createApiKeyInput, newApiKeyOutput } from "@/lib/caregivers/schemas";

export const GET = route({ name: "GET /api/v1/auth/api-keys", auth: "caregiver", response: apiKeyListOutput }, ({ actor }) => listApiKeys(actor));
export const POST = route(
  { name: "POST /api/v1/auth/api-keys", auth: "caregiver", body: createApiKeyInput, status: 201, response: newApiKeyOutput },
  ({ actor, body, now }) => createApiKey(actor, body, now),
);
