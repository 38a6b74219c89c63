import { z } from "zod";

/** Everything held about a patient: Elda's JSON, or a FHIR R4 Bundle. */
export const exportPatientQuery = z.strictObject({ format: z.enum(["json", "fhir"], { message: "Use json or fhir." }).default("json") });
