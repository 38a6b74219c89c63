"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

export function PasswordForm({
  action,
  rule,
  minLength,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  rule: string;
  minLength: number;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("settings.password");
  const LABELS = { current_password: t("fields.current_password"), new_password: t("fields.new_password"), confirm_password: t("fields.confirm_password") };
  const e = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} attempt={state.attempt} />
      <TextField
        name="current_password"
        type="password"
        label={LABELS.current_password}
        autoComplete="current-password"
        error={e.current_password}
        className="sm:max-w-md"
      />
      <TextField
        name="new_password"
        type="password"
        label={LABELS.new_password}
        hint={rule}
        autoComplete="new-password"
        minLength={minLength}
        error={e.new_password}
        className="sm:max-w-md"
      />
      <TextField
        name="confirm_password"
        type="password"
        label={LABELS.confirm_password}
        hint={t("confirmHint")}
        autoComplete="new-password"
        error={e.confirm_password}
        className="sm:max-w-md"
      />
      <div className="border-t border-stone-200 pt-6">
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
