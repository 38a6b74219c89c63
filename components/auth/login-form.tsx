"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

const LABELS = { email: "Email address", password: "Password" };

export function LoginForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
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
