import { route } from "@/lib/api/route";
import { listConversations } from "@/lib/conversations/conversations";
import { conversationPageOutput, listConversationsQuery } from "@/lib/conversations/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  {
    name: "GET /api/v1/patients/{id}/conversations",
    auth: "caregiver",
    params: patientIdParams,
    query: listConversationsQuery,
    response: conversationPageOutput,
  },
  ({ actor, params, query }) => listConversations(actor, params.id, query),
);
