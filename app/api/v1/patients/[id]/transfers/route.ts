import { route } from "@/lib/api/route";
import { patientIdParams } from "@/lib/patients/schemas";
import { requestTransfer } from "@/lib/transfers/transfers";
import { requestTransferInput, transferOutput } from "@/lib/transfers/schemas";

export const POST = route(
  {
    name: "POST /api/v1/patients/{id}/transfers",
    auth: "caregiver",
    params: patientIdParams,
    body: requestTransferInput,
    status: 201,
    response: transferOutput,
    summary: "Ask to move the patient to another facility or organization (an admin of the patient's organization or facility)",
  },
  ({ actor, params, body, now }) => requestTransfer(actor, params.id, body, now),
);
