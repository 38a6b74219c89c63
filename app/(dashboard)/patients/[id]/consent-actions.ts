"use server";

import { clock } from "@/lib/clock";
import { recordConsent, recordConsentInput } from "@/lib/consents/consents";
import { invalidForm } from "@/lib/dashboard/action-errors";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { textOrNull } from "@/lib/dashboard/form-input";
import { runAction } from "./run-action";

/** Record a consent or refusal from the Overview, through the API's schema and domain function (audited there). */
export async function recordConsentAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const values = readFields(form, ["kind", "granted", "given_by", "note"]);
  const parsed = recordConsentInput.safeParse({
    kind: values.kind,
    granted: values.granted === "true" ? true : values.granted === "false" ? false : values.granted,
    given_by: values.given_by,
    note: textOrNull(values.note),
  });
  if (!parsed.success) return invalidForm(prev, parsed.error, values);
  return runAction(prev, values, (actor) => recordConsent(actor, patientId, parsed.data, clock.now()), `/patients/${patientId}?ok=consent#consent`);
}
