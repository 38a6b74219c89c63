import { route } from "@/lib/api/route";
import { raw } from "@/lib/api/answers";
import { patientIdParams } from "@/lib/patients/schemas";
import { exportPatientData } from "@/lib/patient-export/export-patient";
import { exportPatientQuery } from "@/lib/patient-export/schemas";

/** A download: everything held about the patient, as Elda's JSON or a FHIR R4 Bundle (GDPR access and portability). */
export const GET = route(
  {
    name: "GET /api/v1/patients/{id}/export",
    auth: "caregiver",
    params: patientIdParams,
    query: exportPatientQuery,
    response: raw({ "application/json": "a file: Elda's JSON export", "application/fhir+json": "a file: a FHIR R4 collection Bundle (format=fhir)" }),
    summary: "All of a patient's data as JSON or a FHIR R4 Bundle (primary caregiver or organization admin)",
  },
  ({ actor, params, query, now }) => exportPatientData(actor, params.id, query, now),
);
