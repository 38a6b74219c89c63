import { route } from "@/lib/api/route";
import { declineTransfer } from "@/lib/transfers/transfers";
import { transferOutput, transferParams } from "@/lib/transfers/schemas";

export const POST = route(
  {
    name: "POST /api/v1/transfers/{id}/decline",
    auth: "caregiver",
    params: transferParams,
    response: transferOutput,
    summary: "Decline a transfer (an admin of the destination); the patient stays",
  },
  ({ actor, params, now }) => declineTransfer(actor, params.id, now),
);
