import { route } from "@/lib/api/route";
import { noContent } from "@/lib/api/answers";
import { deletePatient } from "@/lib/patients/delete-patient";
import { getPatient } from "@/lib/patients/get-patient";
import { patientIdParams, patientOutput, updatePatientInput } from "@/lib/patients/schemas";
import { updatePatient } from "@/lib/patients/update-patient";

export const GET = route({ name: "GET /api/v1/patients/{id}", auth: "caregiver", params: patientIdParams, response: patientOutput }, ({ actor, params, now }) =>
  getPatient(actor, params.id, now),
);
export const PATCH = route(
  { name: "PATCH /api/v1/patients/{id}", auth: "caregiver", params: patientIdParams, body: updatePatientInput, response: patientOutput },
  ({ actor, params, body, now }) => updatePatient(actor, params.id, body, now),
);
export const DELETE = route({ name: "DELETE /api/v1/patients/{id}", auth: "caregiver", params: patientIdParams, response: noContent }, ({ actor, params }) =>
  deletePatient(actor, params.id),
);
