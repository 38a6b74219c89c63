import { route } from "@/lib/api/route";
import { createPairingCode } from "@/lib/devices/create-pairing-code";
import { pairingCodeOutput } from "@/lib/devices/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const POST = route(
  { name: "POST /api/v1/patients/{id}/pairing-code", auth: "caregiver", params: patientIdParams, status: 201, response: pairingCodeOutput },
  ({ actor, params, now }) => createPairingCode(actor, params.id, now),
);
