"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

/** The caregiver's language (Settings, Profile): each language named in itself, so anyone can find their own. */
export function LanguageForm({ action, saved }: { action: (prev: FormState, form: FormData) => Promise<FormState>; saved: Locale }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("settings.language");
  const names = useTranslations("labels.language");
  return (
    <form key={state.attempt} action={formAction} noValidate className="flex flex-wrap items-end gap-4">
      <div className="w-full">
        <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={{ language: t("label") }} attempt={state.attempt} />
      </div>
      <div className="min-w-48 flex-1">
        <SelectField
          name="language"
          id="field-language"
          label={t("label")}
          hint={t("hint")}
          defaultValue={state.values.language || saved}
          options={LOCALES.map((l) => ({ value: l, label: names(l) }))}
          error={state.fieldErrors.language}
        />
      </div>
      <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
