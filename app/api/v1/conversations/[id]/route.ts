import { route } from "@/lib/api/route";
import { conversationIdParams, getConversation } from "@/lib/conversations/conversations";

export const GET = route({ name: "GET /api/v1/conversations/{id}", auth: "caregiver", params: conversationIdParams }, ({ actor, params }) =>
  getConversation(actor, params.id),
);
