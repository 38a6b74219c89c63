import { route } from "@/lib/api/route";
import { patientIdParams } from "@/lib/patients/schemas";
import { listConsents, recordConsent } from "@/lib/consents/consents";
import { consentListOutput, consentOutput, recordConsentInput } from "@/lib/consents/schemas";

export const GET = route(
  {
    name: "GET /api/v1/patients/{id}/consents",
    auth: "caregiver",
    params: patientIdParams,
    response: consentListOutput,
    summary: "The current consent per kind, and every record",
  },
  ({ actor, params }) => listConsents(actor, params.id),
);
export const POST = route(
  {
    name: "POST /api/v1/patients/{id}/consents",
    auth: "caregiver",
    params: patientIdParams,
    body: recordConsentInput,
    status: 201,
    response: consentOutput,
    summary: "Record a consent or refusal; it supersedes earlier records of its kind",
  },
  ({ actor, params, body, now }) => recordConsent(actor, params.id, body, now),
);
