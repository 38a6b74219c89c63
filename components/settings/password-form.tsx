"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

const LABELS = { current_password: "Current password", new_password: "New password", confirm_password: "Confirm new password" };

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
        hint="Type the new password again."
        autoComplete="new-password"
        error={e.confirm_password}
        className="sm:max-w-md"
      />
      <div className="border-t border-stone-200 pt-6">
        <SubmitButton pendingText="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
