import { route } from "@/lib/api/route";
import { withdrawTransfer } from "@/lib/transfers/transfers";
import { transferOutput, transferParams } from "@/lib/transfers/schemas";

export const POST = route(
  {
    name: "POST /api/v1/transfers/{id}/withdraw",
    auth: "caregiver",
    params: transferParams,
    response: transferOutput,
    summary: "Withdraw a pending transfer (an admin of the source); the patient stays",
  },
  ({ actor, params, now }) => withdrawTransfer(actor, params.id, now),
);
