import { z } from "zod";
import { route } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/caregivers/api-keys";
import { apiKeyOutput } from "@/lib/caregivers/schemas";
import { uuid } from "@/lib/validation/common";

export const DELETE = route(
  { name: "DELETE /api/v1/auth/api-keys/{id}", auth: "caregiver", params: z.strictObject({ id: uuid }), response: apiKeyOutput },
  ({ actor, params, now }) => revokeApiKey(actor, params.id, now),
);
