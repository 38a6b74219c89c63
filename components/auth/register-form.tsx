"use client";

import { useActionState, useEffect, useRef } from "react";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

const LABELS = { first_name: "First name", last_name: "Last name", email: "Email address", password: "Password", timezone: "Time zone" };

export function RegisterForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const tz = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // the caregiver's own time zone, for their daily summary and quiet hours; the server checks it
    if (tz.current && !tz.current.value) tz.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  }, [state.attempt]);
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={LABELS} attempt={state.attempt} />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          name="first_name"
          label={LABELS.first_name}
          autoComplete="given-name"
          defaultValue={state.values.first_name}
          error={state.fieldErrors.first_name}
        />
        <TextField
          name="last_name"
          label={LABELS.last_name}
          autoComplete="family-name"
          defaultValue={state.values.last_name}
          error={state.fieldErrors.last_name}
        />
      </div>
      <TextField
        name="email"
        type="email"
        label={LABELS.email}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        defaultValue={state.values.email}
        error={state.fieldErrors.email}
      />
      <TextField
        name="password"
        type="password"
        label={LABELS.password}
        hint="At least 12 characters, and not a common password. A short sentence you will remember works well."
        autoComplete="new-password"
        minLength={12}
        error={state.fieldErrors.password}
      />
      <input ref={tz} type="hidden" name="timezone" defaultValue={state.values.timezone} />
      {state.fieldErrors.timezone && <p className="text-base font-semibold text-red-700">{state.fieldErrors.timezone}</p>}
      <SubmitButton pendingText="Creating your account…" className="w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
