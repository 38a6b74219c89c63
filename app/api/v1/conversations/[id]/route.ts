import { route } from "@/lib/api/route";
import { getConversation } from "@/lib/conversations/conversations";
import { conversationIdParams, conversationOutput } from "@/lib/conversations/schemas";

export const GET = route(
  { name: "GET /api/v1/conversations/{id}", auth: "caregiver", params: conversationIdParams, response: conversationOutput },
  ({ actor, params }) => getConversation(actor, params.id),
);
