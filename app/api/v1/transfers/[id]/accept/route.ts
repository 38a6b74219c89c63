import { route } from "@/lib/api/route";
import { acceptTransfer } from "@/lib/transfers/transfers";
import { acceptTransferInput, transferOutput, transferParams } from "@/lib/transfers/schemas";

export const POST = route(
  {
    name: "POST /api/v1/transfers/{id}/accept",
    auth: "caregiver",
    params: transferParams,
    body: acceptTransferInput,
    response: transferOutput,
    summary: "Accept a transfer (an admin of the destination): the patient moves with its whole history",
  },
  ({ actor, params, body, now }) => acceptTransfer(actor, params.id, body, now),
);
