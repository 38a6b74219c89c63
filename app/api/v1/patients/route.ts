import { route } from "@/lib/api/route";
import { createPatient } from "@/lib/patients/create-patient";
import { listPatients } from "@/lib/patients/list-patients";
import { createPatientInput, listPatientsQuery } from "@/lib/patients/schemas";

export const GET = route({ name: "GET /api/v1/patients", auth: "caregiver", query: listPatientsQuery }, ({ actor, query, now }) =>
  listPatients(actor, query, now),
);
export const POST = route({ name: "POST /api/v1/patients", auth: "caregiver", body: createPatientInput, status: 201 }, ({ actor, body, now }) =>
  createPatient(actor, body, now),
);
