"use client";

import { useActionState } from "react";
import { FieldShell, inputClasses, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { SelectField } from "@/components/ui/select-field";
import type { settingBounds } from "@/lib/orgs/settings-form";

type Bounds = ReturnType<typeof settingBounds>;

/** The sections of the organization settings, and each setting's words for people. */
export const SETTINGS_SECTIONS: { key: string; title: string; fields: Record<string, { label: string; unit?: string; hint?: string }> }[] = [
  {
    key: "pairing",
    title: "Pairing a phone",
    fields: { code_ttl_minutes: { label: "Pairing code lifetime", unit: "minutes", hint: "How long a pairing code works after it is shown." } },
  },
  {
    key: "reminders",
    title: "Reminders",
    fields: {
      repeat_interval_minutes: { label: "Repeat an unanswered reminder every", unit: "minutes" },
      repeat_count: { label: "Repeat it at most", unit: "times" },
      missed_after_minutes: { label: "Count a reminder as missed after", unit: "minutes" },
      snooze_minutes: { label: "Snooze for", unit: "minutes" },
    },
  },
  {
    key: "inactivity",
    title: "Inactivity",
    fields: {
      waking_hours_start: { label: "Waking hours start", hint: "In the patient's time zone. Inactivity is only counted while they are usually awake." },
      waking_hours_end: { label: "Waking hours end" },
      medium_after_hours: { label: "Medium alert after no activity for", unit: "hours" },
      high_after_hours: { label: "High alert after", unit: "hours" },
      critical_after_hours: { label: "Critical alert after", unit: "hours" },
      check_in_window_minutes: { label: "Check-in answer window", unit: "minutes", hint: "How long the companion waits for an answer to a check-in." },
      phone_offline_after_hours: {
        label: "Phone offline alert (low) after no heartbeat for",
        unit: "hours",
        hint: "Counted in waking hours, like inactivity.",
      },
      phone_offline_medium_after_hours: { label: "Phone offline alert (medium) after", unit: "hours" },
    },
  },
  {
    key: "escalation",
    title: "Escalation",
    fields: {
      critical_wait_minutes: { label: "Critical: wait before the next caregiver", unit: "minutes" },
      high_wait_minutes: { label: "High: wait before the next caregiver", unit: "minutes" },
      medium_wait_minutes: { label: "Medium: wait before the next caregiver", unit: "minutes" },
      low_wait_minutes: { label: "Low: wait before the next caregiver", unit: "minutes" },
    },
  },
  {
    key: "notifications",
    title: "Notifications",
    fields: {
      non_critical_cap_per_hour: {
        label: "Non-critical messages per caregiver per hour",
        unit: "at most",
        hint: "Messages over the cap are held and sent together later.",
      },
      monthly_sms_cap: {
        label: "SMS segments per month for the organization",
        unit: "at most",
        hint: "Leave empty for no cap. Owners are told at 80%; past the cap, messages that are not critical go by email or push instead; critical alerts still go by SMS.",
      },
    },
  },
  {
    key: "ai",
    title: "Companion",
    fields: {
      provider: { label: "Companion provider", hint: "Offline uses Elda's built-in answers and never sends conversations to a model provider." },
      model: { label: "Companion model" },
      system_prompt_additions: {
        label: "Extra instructions for the companion",
        hint: "Added to every conversation, for example the family's language or routines.",
      },
      context_window: { label: "Context window", unit: "recent turns", hint: "How many recent turns of conversation the companion remembers." },
    },
  },
  {
    key: "invitations",
    title: "Invitations",
    fields: {
      expiry_days: { label: "An invitation link works for", unit: "days", hint: "After that it must be sent again." },
    },
  },
  {
    key: "security",
    title: "Sign-in security",
    fields: {
      two_factor: {
        label: "Two-factor sign-in",
        hint: "Required: members who have not set it up are asked to before anything else. The strictest of a caregiver's organizations applies.",
      },
      idle_timeout_minutes: {
        label: "Sign out of the dashboard after no activity for",
        unit: "minutes",
        hint: "A warning appears a minute before. The strictest of a caregiver's organizations applies.",
      },
    },
  },
  {
    key: "retention",
    title: "Data retention",
    fields: {
      activity_days: { label: "Keep activity for", unit: "days" },
      conversation_days: { label: "Keep conversations for", unit: "days" },
      audit_days: { label: "Keep the audit log for", unit: "days" },
      alert_days: { label: "Keep resolved alerts for", unit: "days", hint: "With what the patient said, their timeline and the messages sent about them." },
      notification_days: { label: "Keep the record of messages sent for", unit: "days", hint: "Phone numbers and email addresses each message went to." },
      summary_days: { label: "Keep daily summaries for", unit: "days" },
      reminder_days: { label: "Keep past reminders for", unit: "days" },
      insight_days: { label: "Keep weekly insights for", unit: "days" },
    },
  },
  {
    key: "invitations",
    title: "Invitations",
    fields: { expiry_days: { label: "An invitation link works for", unit: "days", hint: "Sending it again makes a new link for as long again." } },
  },
];

const CHOICE_NAMES: Record<string, string> = {
  anthropic: "Anthropic (Claude)",
  offline: "Offline (no model provider)",
  optional: "Optional: each caregiver chooses",
  required: "Required for every member",
};

export const SETTINGS_LABELS: Record<string, string> = Object.fromEntries(
  SETTINGS_SECTIONS.flatMap((s) => Object.entries(s.fields).map(([k, f]) => [`${s.key}.${k}`, f.label])),
);

const fieldId = (name: string) => `field-${name}`;

/** Every organization setting as one form; the API's schema checks it, errors appear beside each field. */
export function OrgSettingsForm({
  action,
  organizationId,
  saved,
  bounds,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  organizationId: string;
  saved: Record<string, string>;
  bounds: Record<string, Bounds>;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.attempt > 0 ? state.values : saved;
  const e = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      <input type="hidden" name="organization_id" value={organizationId} />
      <ErrorSummary message={state.message} fieldErrors={e} labels={SETTINGS_LABELS} attempt={state.attempt} />
      {SETTINGS_SECTIONS.map((section) => (
        <fieldset key={section.key} className="space-y-5 border-t border-stone-200 pt-6 first-of-type:border-t-0 first-of-type:pt-0">
          <legend className="mb-2 text-xl font-semibold">{section.title}</legend>
          <div className="grid gap-6 sm:grid-cols-2">
            {Object.entries(section.fields).map(([key, f]) => {
              const name = `${section.key}.${key}`;
              const b = bounds[name];
              if (b.kind === "choice") {
                return (
                  <SelectField
                    key={name}
                    name={name}
                    label={f.label}
                    hint={f.hint}
                    error={e[name]}
                    defaultValue={v[name]}
                    options={b.options.map((o) => ({ value: o, label: CHOICE_NAMES[o] ?? o }))}
                    className=""
                  />
                );
              }
              if (b.kind === "text" && (b.maxLength ?? 0) > 200) {
                return (
                  <div key={name} className="sm:col-span-2">
                    <FieldShell id={fieldId(name)} label={f.label} hint={f.hint} error={e[name]} optional>
                      {(describedBy, invalid) => (
                        <textarea
                          id={fieldId(name)}
                          name={name}
                          rows={4}
                          maxLength={b.maxLength}
                          defaultValue={v[name]}
                          aria-describedby={describedBy}
                          aria-invalid={invalid || undefined}
                          className={inputClasses(invalid)}
                        />
                      )}
                    </FieldShell>
                  </div>
                );
              }
              const range =
                b.kind === "number" && b.min !== undefined && b.max !== undefined
                  ? `From ${b.min} to ${b.max}${f.unit && f.unit !== "at most" ? ` ${f.unit}` : ""}.`
                  : undefined;
              const hint = [f.hint, range].filter(Boolean).join(" ") || undefined;
              return (
                <TextField
                  key={name}
                  name={name}
                  label={f.unit && f.unit !== "at most" ? `${f.label} (${f.unit})` : f.label}
                  hint={hint}
                  type={b.kind === "number" ? "number" : b.kind === "time" ? "time" : "text"}
                  inputMode={b.kind === "number" ? (b.integer ? "numeric" : "decimal") : undefined}
                  step={b.kind === "number" ? (b.integer ? 1 : "any") : undefined}
                  min={b.kind === "number" ? b.min : undefined}
                  max={b.kind === "number" ? b.max : undefined}
                  maxLength={b.kind === "text" ? b.maxLength : undefined}
                  autoComplete="off"
                  defaultValue={v[name]}
                  error={e[name]}
                />
              );
            })}
          </div>
        </fieldset>
      ))}
      <div className="border-t border-stone-200 pt-6">
        <SubmitButton pendingText="Saving…">Save organization settings</SubmitButton>
      </div>
    </form>
  );
}
