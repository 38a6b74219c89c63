"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { TextField, FieldShell, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";

/** Add a caregiver who already has an Elda account, by email, with a standing on this patient. */
export function AddCareTeamMemberForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  const t = useTranslations("patients.careTeamForm");
  const CARE_TEAM_LABELS = { email: t("email"), standing: t("standing") };
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} fieldErrors={e} labels={CARE_TEAM_LABELS} attempt={state.attempt} idFor={(f) => `care-team-${f}`} />
      <TextField
        id="care-team-email"
        name="email"
        type="email"
        label={CARE_TEAM_LABELS.email}
        hint={t("emailHint")}
        autoComplete="off"
        defaultValue={v.email}
        error={e.email}
      />
      <FieldShell id="care-team-standing" label={CARE_TEAM_LABELS.standing} error={e.standing}>
        {(describedBy, invalid) => (
          <select
            id="care-team-standing"
            name="standing"
            defaultValue={v.standing || "secondary"}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClasses(invalid)}
          >
            <option value="secondary">{t("secondary")}</option>
            <option value="primary">{t("primary")}</option>
            <option value="viewer">{t("viewer")}</option>
          </select>
        )}
      </FieldShell>
      <SubmitButton pendingText={t("adding")}>{t("submit")}</SubmitButton>
    </form>
  );
}
