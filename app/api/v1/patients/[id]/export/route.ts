import { route } from "@/lib/api/route";
import { patientIdParams } from "@/lib/patients/schemas";
import { exportPatientData, exportPatientQuery } from "@/lib/patient-export/export-patient";

/** A download: everything held about the patient, as Elda's JSON or a FHIR R4 Bundle (GDPR access and portability). */
export const GET = route(
  {
    name: "GET /api/v1/patients/{id}/export",
    auth: "caregiver",
    params: patientIdParams,
    query: exportPatientQuery,
    summary: "All of a patient's data as JSON or a FHIR R4 Bundle (primary caregiver or organization admin)",
  },
  ({ actor, params, query, now }) => exportPatientData(actor, params.id, query, now),
);
