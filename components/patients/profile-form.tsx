"use client";

import { useActionState } from "react";
import Link from "next/link";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { FieldShell, TextField, inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { INACTIVITY_FIELDS, type ProfileField } from "@/lib/patients/profile-form";
import type { UpdatePatientInput } from "@/lib/patients/schemas";
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
  language: "Language",
  communication_style: "Communication style",
  preferred_voice: "Voice",
  profile_photo_url: "Photo (web address)",
  hobbies: "Hobbies and interests",
  children: "Children",
  grandchildren: "Grandchildren",
  life_story: "Life story",
  "settings.inactivity.waking_hours_start": "Waking hours start",
  "settings.inactivity.waking_hours_end": "Waking hours end",
  "settings.inactivity.medium_after_hours": "Medium alert after (hours)",
  "settings.inactivity.high_after_hours": "High alert after (hours)",
  "settings.inactivity.critical_after_hours": "Critical alert after (hours)",
  "settings.inactivity.check_in_window_minutes": "Check-in window (minutes)",
  "settings.inactivity.phone_offline_after_hours": "Phone offline after (hours)",
  "settings.inactivity.phone_offline_medium_after_hours": "Phone offline, medium alert after (hours)",
  ai_model: "AI model",
  ai_system_prompt: "Extra instructions for the companion",
  ai_context_window: "Conversation turns the companion remembers",
} satisfies Record<ProfileField, string>;

type Field = ProfileField;

type Gender = NonNullable<UpdatePatientInput["gender"]>;
type PreferredVoice = NonNullable<UpdatePatientInput["preferred_voice"]>;
type CommunicationStyle = NonNullable<UpdatePatientInput["communication_style"]>;

const STYLE: Record<CommunicationStyle, string> = { friendly: "Friendly", formal: "Formal", casual: "Casual" };
const VOICE: Record<PreferredVoice, string> = { female: "Female", male: "Male", neutral: "Neutral" };
export const GENDER: Record<Gender, string> = { female: "Female", male: "Male", other: "Other", prefer_not_to_say: "Prefers not to say" };

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
  const choice = (f: Field, options: Record<string, string>) => (
    <FieldShell id={`field-${f}`} label={L[f]} error={e[f]}>
      {(describedBy, invalid) => (
        <select
          id={`field-${f}`}
          name={f}
          defaultValue={v(f)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${inputClasses(invalid)} sm:max-w-xs`}
        >
          {Object.entries(options).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
  const area = (f: Field, hint: string, rows = 3) => (
    <FieldShell id={`field-${f}`} label={L[f]} hint={hint} error={e[f]} optional>
      {(describedBy, invalid) => (
        <textarea
          id={`field-${f}`}
          name={f}
          rows={rows}
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
              {Object.entries(GENDER).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
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
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">How the companion talks with them</legend>
        {text("language", { hint: "A language code, for example en, es or es-MX.", className: "sm:max-w-xs" })}
        {choice("communication_style", STYLE)}
        {choice("preferred_voice", VOICE)}
        {text("profile_photo_url", { type: "url", optional: true, hint: "An https address of their photo, shown to the care team." })}
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">What the companion knows about them</legend>
        <p className="text-base text-stone-600">One item per line. The companion brings these up in conversation.</p>
        {area("hobbies", "For example: Gardening")}
        {area("children", "For example: Sarah (daughter, lives nearby)")}
        {area("grandchildren", "For example: Emma")}
        {area("life_story", "A few sentences: where they grew up, their work, what they are proud of.", 5)}
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">Inactivity monitoring</legend>
        <p className="text-base text-stone-600">Only for them: leave a box empty to use the organization&rsquo;s setting.</p>
        <div className="grid gap-6 sm:grid-cols-2">
          {INACTIVITY_FIELDS.map((f) =>
            text(f, {
              optional: true,
              inputMode: f.includes("hours_start") || f.includes("hours_end") ? "text" : "decimal",
              hint: f.includes("waking") ? "24-hour clock, for example 08:00." : undefined,
            }),
          )}
        </div>
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">AI settings</legend>
        <p className="text-base text-stone-600">Leave empty to use the organization&rsquo;s settings.</p>
        {text("ai_model", { optional: true })}
        {area("ai_system_prompt", "What the companion should always keep in mind with them.", 4)}
        {text("ai_context_window", { optional: true, inputMode: "numeric", hint: "From 1 to 50.", className: "sm:max-w-xs" })}
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
