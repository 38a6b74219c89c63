import { z } from "zod";
import type { ConsentKind } from "@/lib/db/generated/enums";
import { optionalText, uuid } from "@/lib/validation/common";

export const CONSENT_KINDS = [
  "data_processing",
  "ai_companion",
  "caregiver_sharing",
  "sms_contact",
  "analytics_anonymized",
] as const satisfies readonly ConsentKind[];
export const consentKind = z.enum(CONSENT_KINDS);
export const consentGivenBy = z.enum(["patient", "legal_guardian", "caregiver_on_behalf"]);

export const recordConsentInput = z.strictObject({
  kind: consentKind,
  granted: z.boolean({ message: "Send true (granted) or false (refused)." }),
  given_by: consentGivenBy,
  note: optionalText(1000),
});
export type RecordConsentInput = z.infer<typeof recordConsentInput>;
export const consentIdParams = z.strictObject({ id: uuid });

export const consentOutput = z.object({
  id: z.uuid(),
  patient_id: z.uuid(),
  kind: consentKind,
  granted: z.boolean(),
  given_by: consentGivenBy,
  note: z.string().nullable(),
  recorded_by_id: z.uuid().nullable(),
  recorded_at: z.string(),
  revoked_at: z.string().nullable(),
  /** a later record of the same kind replaced this one */
  superseded: z.boolean(),
});
export const consentStatus = z.enum(["granted", "refused", "revoked", "not_recorded"]);
export const consentListOutput = z.object({
  patient_id: z.uuid(),
  /**
   * every kind, in a fixed order, with its latest record; `in_force` is what Elda acts on (a revoked record is
   * refused; with no record, the kind's `not_recorded_means` applies: docs/api.md "Consents")
   */
  current: z.array(
    z.object({
      kind: consentKind,
      status: consentStatus,
      in_force: z.boolean(),
      not_recorded_means: z.enum(["given", "refused"]),
      consent: consentOutput.nullable(),
    }),
  ),
  /** every record, newest first */
  history: z.array(consentOutput),
});
export type ConsentOutput = z.infer<typeof consentOutput>;
