"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { CheckboxField } from "@/components/settings/checkbox-field";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

/** Email and password; then, for a caregiver with two-factor sign-in on, the code step (the server sends back a challenge). */
export function LoginForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("auth");
  const LABELS = { email: t("fields.email"), password: t("fields.password"), code: t("fields.code") };
  const challenge = state.values.challenge;
  if (challenge) {
    return (
      <form key={state.attempt} action={formAction} noValidate className="space-y-6">
        <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={LABELS} attempt={state.attempt} />
        <input type="hidden" name="challenge" value={challenge} />
        <input type="hidden" name="email" value={state.values.email ?? ""} />
        <h2 className="text-xl font-semibold">{t("login.twoFactor")}</h2>
        <TextField
          name="code"
          label={LABELS.code}
          hint={t("login.codeHint")}
          autoComplete="one-time-code"
          spellCheck={false}
          autoFocus
          error={state.fieldErrors.code}
        />
        <CheckboxField name="remember" label={t("login.remember")} hint={t("login.rememberHint")} />
        <SubmitButton pendingText={t("login.checking")} className="w-full">
          {t("login.continue")}
        </SubmitButton>
      </form>
    );
  }
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={LABELS} attempt={state.attempt} />
      <TextField
        name="email"
        type="email"
        label={LABELS.email}
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        defaultValue={state.values.email}
        error={state.fieldErrors.email}
      />
      <TextField name="password" type="password" label={LABELS.password} autoComplete="current-password" error={state.fieldErrors.password} />
      <SubmitButton pendingText={t("login.signingIn")} className="w-full">
        {t("login.submit")}
      </SubmitButton>
    </form>
  );
}
