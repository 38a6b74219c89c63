"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

export function DisableTwoFactorForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("twoFactor.disable");
  const LABELS = { password: t("fields.password"), code: t("fields.code") };
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={LABELS} attempt={state.attempt} />
      <TextField name="password" type="password" label={LABELS.password} autoComplete="current-password" error={state.fieldErrors.password} />
      <TextField name="code" label={LABELS.code} hint={t("codeHint")} autoComplete="one-time-code" spellCheck={false} error={state.fieldErrors.code} />
      <SubmitButton pendingText={t("turningOff")}>{t("submit")}</SubmitButton>
    </form>
  );
}
