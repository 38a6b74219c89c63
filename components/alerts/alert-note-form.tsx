"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { FieldShell, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/**
 * A note about one alert, sent to a server action: resolving (the note says how) or adding a note to its
 * timeline. Works without JavaScript; the error shows next to the field and the field keeps what was typed.
 * On success the action redirects back with a notice.
 */
export function AlertNoteForm({
  action,
  alertId,
  back,
  label,
  hint,
  submit,
  pendingText,
  idPrefix,
}: {
  action: Action;
  alertId: string;
  back: string;
  label: string;
  hint?: string;
  submit: string;
  pendingText: string;
  idPrefix: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const error = state.fieldErrors.note ?? state.message;
  const id = `${idPrefix}-${alertId}`;
  return (
    <form action={formAction} key={state.attempt} className="space-y-3">
      <input type="hidden" name="id" value={alertId} />
      <input type="hidden" name="back" value={back} />
      <FieldShell id={id} label={label} hint={hint} error={error}>
        {(describedBy, invalid) => (
          <textarea
            id={id}
            name="note"
            rows={3}
            maxLength={2000}
            required
            defaultValue={state.values.note ?? ""}
            autoFocus={state.attempt > 0}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClasses(invalid)}
          />
        )}
      </FieldShell>
      <SubmitButton pendingText={pendingText}>{submit}</SubmitButton>
    </form>
  );
}
