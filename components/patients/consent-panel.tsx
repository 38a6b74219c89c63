"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { CONSENT_GIVERS, CONSENT_KINDS } from "./consent-labels";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** Record a change of consent (a new record replaces the kind's earlier ones), through the API's own schema. */
export function RecordConsentForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const t = useTranslations("patients.consentForm");
  const labels = useTranslations("patientLabels");
  const CONSENT_LABELS = { kind: t("kind"), granted: t("granted"), given_by: t("given_by"), note: t("note") };
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
          options={CONSENT_KINDS.map((value) => ({ value, label: labels(`consentKind.${value}.title`) }))}
          className=""
        />
        <SelectField
          id="consent-granted"
          name="granted"
          label={CONSENT_LABELS.granted}
          defaultValue={v.granted}
          error={state.fieldErrors.granted}
          options={[
            { value: "true", label: t("given") },
            { value: "false", label: t("refused") },
          ]}
          className=""
        />
        <SelectField
          id="consent-given_by"
          name="given_by"
          label={CONSENT_LABELS.given_by}
          defaultValue={v.given_by}
          error={state.fieldErrors.given_by}
          options={CONSENT_GIVERS.map((value) => ({ value, label: labels(`consentGivenBy.${value}`) }))}
          className=""
        />
        <TextField
          id="consent-note"
          name="note"
          label={CONSENT_LABELS.note}
          optional
          hint={t("noteHint")}
          maxLength={1000}
          defaultValue={v.note}
          error={state.fieldErrors.note}
        />
      </div>
      <SubmitButton pendingText={t("recording")}>{t("submit")}</SubmitButton>
    </form>
  );
}
