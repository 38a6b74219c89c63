"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

/** Sign-up; `language` is the page's (the visitor's choice, else the browser's), the account's unless changed here. */
export function RegisterForm({ action, language }: { action: (prev: FormState, form: FormData) => Promise<FormState>; language: Locale }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("auth");
  const names = useTranslations("labels.language");
  const labels = {
    first_name: t("fields.first_name"),
    last_name: t("fields.last_name"),
    email: t("fields.email"),
    password: t("fields.password"),
    timezone: t("fields.timezone"),
    language: t("fields.language"),
  };
  const tz = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // the caregiver's own time zone, for their daily summary and quiet hours; the server checks it
    if (tz.current && !tz.current.value) tz.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  }, [state.attempt]);
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={labels} attempt={state.attempt} />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          name="first_name"
          label={labels.first_name}
          autoComplete="given-name"
          defaultValue={state.values.first_name}
          error={state.fieldErrors.first_name}
        />
        <TextField
          name="last_name"
          label={labels.last_name}
          autoComplete="family-name"
          defaultValue={state.values.last_name}
          error={state.fieldErrors.last_name}
        />
      </div>
      <TextField
        name="email"
        type="email"
        label={labels.email}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        defaultValue={state.values.email}
        error={state.fieldErrors.email}
      />
      <TextField
        name="password"
        type="password"
        label={labels.password}
        hint={t("register.passwordHint")}
        autoComplete="new-password"
        minLength={12}
        error={state.fieldErrors.password}
      />
      <SelectField
        name="language"
        label={labels.language}
        hint={t("register.languageHint")}
        defaultValue={state.values.language || language}
        options={LOCALES.map((l) => ({ value: l, label: names(l) }))}
        error={state.fieldErrors.language}
      />
      <input ref={tz} type="hidden" name="timezone" defaultValue={state.values.timezone} />
      {state.fieldErrors.timezone && <p className="text-base font-semibold text-red-700">{state.fieldErrors.timezone}</p>}
      <SubmitButton pendingText={t("register.creating")} className="w-full">
        {t("register.submit")}
      </SubmitButton>
    </form>
  );
}
