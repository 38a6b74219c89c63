import { z } from "zod";
import { route } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/caregivers/api-keys";
import { uuid } from "@/lib/validation/common";

export const DELETE = route({ name: "DELETE /api/v1/auth/api-keys/{id}", auth: "caregiver", params: z.strictObject({ id: uuid }) }, ({ actor, params, now }) =>
  revokeApiKey(actor, params.id, now),
);
