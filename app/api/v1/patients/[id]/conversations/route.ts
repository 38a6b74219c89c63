import { route } from "@/lib/api/route";
import { listConversations, listConversationsQuery } from "@/lib/conversations/conversations";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/conversations", auth: "caregiver", params: patientIdParams, query: listConversationsQuery },
  ({ actor, params, query }) => listConversations(actor, params.id, query),
);
