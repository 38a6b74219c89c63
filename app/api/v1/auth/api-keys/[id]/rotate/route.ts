import { z } from "zod";
import { route } from "@/lib/api/route";
import { rotateApiKey } from "@/lib/caregivers/api-keys";
import { newApiKeyOutput, rotateApiKeyInput } from "@/lib/caregivers/schemas";
import { uuid } from "@/lib/validation/common";

export const POST = route(
  {
    name: "POST /api/v1/auth/api-keys/{id}/rotate",
    auth: "caregiver",
    params: z.strictObject({ id: uuid }),
    body: rotateApiKeyInput,
    status: 201,
    response: newApiKeyOutput,
  },
  ({ actor, params, body, now }) => rotateApiKey(actor, params.id, body, now),
);
