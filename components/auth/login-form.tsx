"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { CheckboxField } from "@/components/settings/checkbox-field";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

const LABELS = { email: "Email address", password: "Password", code: "Code" };

/** Email and password; then, for a caregiver with two-factor sign-in on, the code step (the server sends back a challenge). */
export function LoginForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const challenge = state.values.challenge;
  if (challenge) {
    return (
      <form key={state.attempt} action={formAction} noValidate className="space-y-6">
        <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={LABELS} attempt={state.attempt} />
        <input type="hidden" name="challenge" value={challenge} />
        <input type="hidden" name="email" value={state.values.email ?? ""} />
        <h2 className="text-xl font-semibold">Two-factor sign-in</h2>
        <TextField
          name="code"
          label={LABELS.code}
          hint="The 6-digit code your authenticator app shows now, or one of your recovery codes."
          autoComplete="one-time-code"
          spellCheck={false}
          autoFocus
          error={state.fieldErrors.code}
        />
        <CheckboxField name="remember" label="Remember this device for 30 days" hint="Only on a computer nobody else uses." />
        <SubmitButton pendingText="Checking…" className="w-full">
          Continue
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
      <SubmitButton pendingText="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
