"use client";

import { useActionState } from "react";
import Link from "next/link";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { FieldShell, TextField, inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TimeZoneSelect } from "./time-zone-select";

export const PROFILE_LABELS = {
  first_name: "First name",
  last_name: "Last name",
  preferred_name: "Preferred name",
  date_of_birth: "Date of birth",
  gender: "Gender",
  phone_number: "Phone number",
  address: "Address",
  emergency_contact_name: "Emergency contact name",
  emergency_contact_phone: "Emergency contact phone",
  timezone: "Time zone",
  medical_conditions: "Conditions",
  medications: "Medications",
  allergies: "Allergies",
  dietary_restrictions: "Diet",
};

type Field = keyof typeof PROFILE_LABELS;

/** The patient's profile as a form; starts from what is saved (`current`), after a refusal from what was typed. */
export function ProfileForm({
  action,
  current,
  zones,
  today,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  current: Record<Field, string>;
  zones: string[];
  today: string;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = (f: Field) => (state.attempt > 0 ? (state.values[f] ?? "") : current[f]);
  const e = state.fieldErrors;
  const L = PROFILE_LABELS;
  const text = (f: Field, props: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField name={f} label={L[f]} defaultValue={v(f)} error={e[f]} autoComplete="off" {...props} />
  );
  const area = (f: Field, hint: string) => (
    <FieldShell id={`field-${f}`} label={L[f]} hint={hint} error={e[f]} optional>
      {(describedBy, invalid) => (
        <textarea
          id={`field-${f}`}
          name={f}
          rows={3}
          defaultValue={v(f)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={inputClasses(invalid)}
        />
      )}
    </FieldShell>
  );
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      <ErrorSummary message={state.message} fieldErrors={e} labels={L} attempt={state.attempt} />
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">About them</legend>
        <div className="grid gap-6 sm:grid-cols-2">
          {text("first_name")}
          {text("last_name")}
        </div>
        {text("preferred_name", { optional: true, hint: "What they like to be called. Elda's companion uses it." })}
        {text("date_of_birth", { type: "date", min: "1890-01-01", max: today, className: "sm:max-w-xs" })}
        <FieldShell id="field-gender" label={L.gender} error={e.gender} optional>
          {(describedBy, invalid) => (
            <select
              id="field-gender"
              name="gender"
              defaultValue={v("gender")}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              className={`${inputClasses(invalid)} sm:max-w-xs`}
            >
              <option value="">Not recorded</option>
              <option value="female">Female</option>
              <option value="male">Male</option>
              <option value="other">Other</option>
              <option value="prefer_not_to_say">Prefers not to say</option>
            </select>
          )}
        </FieldShell>
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">Contact and location</legend>
        {text("phone_number", { type: "tel", optional: true, hint: "In international format, for example +15551234567." })}
        {text("address", { optional: true })}
        <TimeZoneSelect
          name="timezone"
          label={L.timezone}
          hint="Where they live. Reminders follow their local time."
          zones={zones}
          defaultValue={v("timezone")}
          preferBrowserZone={false}
          error={e.timezone}
        />
        <div className="grid gap-6 sm:grid-cols-2">
          {text("emergency_contact_name", { optional: true })}
          {text("emergency_contact_phone", { type: "tel", optional: true, hint: "International format." })}
        </div>
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">Health</legend>
        <p className="text-base text-stone-600">One item per line. The companion uses these to understand what they mention.</p>
        {area("medical_conditions", "For example: Type 2 diabetes")}
        {area("medications", "For example: Metformin 500 mg")}
        {area("allergies", "For example: Penicillin")}
        {area("dietary_restrictions", "For example: Low sugar")}
      </fieldset>
      <div className="flex flex-wrap items-center gap-4 border-t border-stone-200 pt-6">
        <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
        <Link href={cancelHref} className={buttonClasses("quiet")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
