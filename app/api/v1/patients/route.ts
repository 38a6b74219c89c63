import { route } from "@/lib/api/route";
import { createPatient } from "@/lib/patients/create-patient";
import { listPatients } from "@/lib/patients/list-patients";
import { pageOf } from "@/lib/api/pagination";
import { createPatientInput, listPatientsQuery, patientOutput } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients", auth: "caregiver", query: listPatientsQuery, response: pageOf(patientOutput) },
  ({ actor, query, now }) => listPatients(actor, query, now),
);
export const POST = route(
  { name: "POST /api/v1/patients", auth: "caregiver", body: createPatientInput, status: 201, response: patientOutput },
  ({ actor, body, now }) => createPatient(actor, body, now),
);
