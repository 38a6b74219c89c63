"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

export const SPOKE_WITH_LABELS = { note: "How did it go?" };

/**
 * "I spoke to Betty": a caregiver who called or visited records it. It counts as a sign of life and ends an
 * open inactivity episode, with a note naming them.
 */
export function SpokeWithForm({ action, name }: { action: Action; name: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary
        message={state.message}
        fieldErrors={state.fieldErrors}
        labels={SPOKE_WITH_LABELS}
        attempt={state.attempt}
        idFor={(f) => `spoke-with-${f}`}
      />
      <TextField
        id="spoke-with-note"
        name="note"
        label={SPOKE_WITH_LABELS.note}
        optional
        hint="For the rest of the care team, e.g. “Fine, was at the neighbour’s”."
        maxLength={500}
        defaultValue={state.values.note}
        error={state.fieldErrors.note}
      />
      <SubmitButton pendingText="Recording…">I spoke to {name}</SubmitButton>
    </form>
  );
}

export const PAUSE_LABELS = { until: "Pause until", reason: "Reason" };

/** Pause inactivity and phone-offline monitoring until a day (hospital stay, holiday). */
export function PauseMonitoringForm({ action, today, defaultUntil }: { action: Action; today: string; defaultUntil?: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.attempt > 0 ? state.values : { until: defaultUntil ?? "", reason: "" };
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={PAUSE_LABELS} attempt={state.attempt} idFor={(f) => `pause-${f}`} />
      <TextField
        id="pause-until"
        name="until"
        type="date"
        label={PAUSE_LABELS.until}
        hint="Monitoring starts again at midnight at the start of this day, their time. At most 90 days ahead."
        min={today}
        defaultValue={v.until}
        error={state.fieldErrors.until}
      />
      <TextField
        id="pause-reason"
        name="reason"
        label={PAUSE_LABELS.reason}
        optional
        hint="For example “In hospital” or “Visiting family”."
        maxLength={200}
        defaultValue={v.reason}
        error={state.fieldErrors.reason}
      />
      <SubmitButton pendingText="Pausing…">Pause monitoring</SubmitButton>
    </form>
  );
}
