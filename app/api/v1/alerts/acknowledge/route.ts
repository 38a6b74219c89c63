import { z } from "zod";
import { route } from "@/lib/api/route";
import { bulkAcknowledge } from "@/lib/alerts/alert-actions";
import { bulkAcknowledgeInput } from "@/lib/alerts/schemas";

export const POST = route(
  {
    name: "POST /api/v1/alerts/acknowledge",
    auth: "caregiver",
    body: bulkAcknowledgeInput,
    response: z.object({ acknowledged: z.array(z.uuid()), unchanged: z.array(z.uuid()), not_found: z.array(z.uuid()), forbidden: z.array(z.uuid()) }),
    summary: "Acknowledge several alerts at once",
  },
  ({ actor, body, now }) => bulkAcknowledge(actor, body.ids, now),
);
