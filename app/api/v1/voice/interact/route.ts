import { route } from "@/lib/api/route";
import { interact } from "@/lib/companion/interact";
import { interactInput, interactOutput } from "@/lib/companion/schemas";

export const POST = route(
  { name: "POST /api/v1/voice/interact", auth: "device", body: interactInput, response: interactOutput, summary: "One spoken exchange with the companion" },
  ({ actor, body, now }) => interact(actor, body, now),
);
