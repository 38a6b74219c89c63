"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { CONSENT_GIVEN_BY, CONSENT_KIND_TEXT } from "./consent-labels";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export const CONSENT_LABELS = { kind: "Consent", granted: "Decision", given_by: "Given by", note: "Note" };

/** Record a change of consent (a new record replaces the kind's earlier ones), through the API's own schema. */
export function RecordConsentForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={CONSENT_LABELS} attempt={state.attempt} idFor={(f) => `consent-${f}`} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="consent-kind"
          name="kind"
          label={CONSENT_LABELS.kind}
          defaultValue={v.kind}
          error={state.fieldErrors.kind}
          options={Object.entries(CONSENT_KIND_TEXT).map(([value, t]) => ({ value, label: t.title }))}
          className=""
        />
        <SelectField
          id="consent-granted"
          name="granted"
          label={CONSENT_LABELS.granted}
          defaultValue={v.granted}
          error={state.fieldErrors.granted}
          options={[
            { value: "true", label: "Given" },
            { value: "false", label: "Refused or withdrawn" },
          ]}
          className=""
        />
        <SelectField
          id="consent-given_by"
          name="given_by"
          label={CONSENT_LABELS.given_by}
          defaultValue={v.given_by}
          error={state.fieldErrors.given_by}
          options={Object.entries(CONSENT_GIVEN_BY).map(([value, label]) => ({ value, label }))}
          className=""
        />
        <TextField
          id="consent-note"
          name="note"
          label={CONSENT_LABELS.note}
          optional
          hint="For example how and when they said so."
          maxLength={1000}
          defaultValue={v.note}
          error={state.fieldErrors.note}
        />
      </div>
      <SubmitButton pendingText="Recording…">Record consent</SubmitButton>
    </form>
  );
}
