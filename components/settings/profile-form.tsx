"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TimeZoneSelect } from "@/components/patients/time-zone-select";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

const LABELS = { first_name: "First name", last_name: "Last name", phone_number: "Phone number", timezone: "Time zone" };

export function ProfileForm({
  action,
  saved,
  zones,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  saved: { first_name: string; last_name: string; phone_number: string; timezone: string };
  zones: string[];
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  // after a refused attempt the fields show what was typed; otherwise what is saved
  const v = state.attempt > 0 ? state.values : saved;
  const e = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} attempt={state.attempt} />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField name="first_name" label={LABELS.first_name} autoComplete="given-name" defaultValue={v.first_name} error={e.first_name} />
        <TextField name="last_name" label={LABELS.last_name} autoComplete="family-name" defaultValue={v.last_name} error={e.last_name} />
      </div>
      <TextField
        name="phone_number"
        type="tel"
        label={LABELS.phone_number}
        optional
        hint="For text messages and calls about alerts. In international format, for example +15551234567."
        autoComplete="tel"
        defaultValue={v.phone_number}
        error={e.phone_number}
        className="sm:max-w-sm"
      />
      <TimeZoneSelect
        name="timezone"
        label={LABELS.timezone}
        hint="Where you are. Your quiet hours and daily summary follow this clock."
        zones={zones}
        defaultValue={v.timezone}
        preferBrowserZone={false}
        error={e.timezone}
      />
      <div className="border-t border-stone-200 pt-6">
        <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
      </div>
    </form>
  );
}
