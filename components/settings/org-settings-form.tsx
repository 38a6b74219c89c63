"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldShell, inputClasses, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { SelectField } from "@/components/ui/select-field";
import type { settingBounds } from "@/lib/orgs/settings-form";

type Bounds = ReturnType<typeof settingBounds>;

type Unit = "minutes" | "times" | "hours" | "days" | "atMost" | "recentTurns";

/**
 * The sections of the organization settings, each setting's unit and whether it has a hint; their words are
 * `organization.settings.<section>.title`, `.<setting>` and `.<setting>Hint`.
 */
export const SETTINGS_SECTIONS = [
  { key: "pairing", fields: { code_ttl_minutes: { unit: "minutes", hint: true } } },
  {
    key: "reminders",
    fields: {
      repeat_interval_minutes: { unit: "minutes" },
      repeat_count: { unit: "times" },
      missed_after_minutes: { unit: "minutes" },
      snooze_minutes: { unit: "minutes" },
    },
  },
  {
    key: "inactivity",
    fields: {
      waking_hours_start: { hint: true },
      waking_hours_end: {},
      medium_after_hours: { unit: "hours" },
      high_after_hours: { unit: "hours" },
      critical_after_hours: { unit: "hours" },
      check_in_window_minutes: { unit: "minutes", hint: true },
      phone_offline_after_hours: { unit: "hours", hint: true },
      phone_offline_medium_after_hours: { unit: "hours" },
    },
  },
  {
    key: "escalation",
    fields: {
      critical_wait_minutes: { unit: "minutes" },
      high_wait_minutes: { unit: "minutes" },
      medium_wait_minutes: { unit: "minutes" },
      low_wait_minutes: { unit: "minutes" },
    },
  },
  {
    key: "notifications",
    fields: {
      non_critical_cap_per_hour: { unit: "atMost", hint: true },
      monthly_sms_cap: { unit: "atMost", hint: true },
    },
  },
  {
    key: "ai",
    fields: {
      provider: { hint: true },
      model: {},
      system_prompt_additions: { hint: true },
      context_window: { unit: "recentTurns", hint: true },
    },
  },
  { key: "invitations", fields: { expiry_days: { unit: "days", hint: true } } },
  {
    key: "security",
    fields: {
      two_factor: { hint: true },
      idle_timeout_minutes: { unit: "minutes", hint: true },
    },
  },
  {
    key: "retention",
    fields: {
      activity_days: { unit: "days" },
      conversation_days: { unit: "days" },
      audit_days: { unit: "days" },
      alert_days: { unit: "days", hint: true },
      notification_days: { unit: "days", hint: true },
      summary_days: { unit: "days" },
      reminder_days: { unit: "days" },
      insight_days: { unit: "days" },
    },
  },
] as const satisfies { key: string; fields: Record<string, { unit?: Unit; hint?: boolean }> }[];

const CHOICES = ["anthropic", "offline", "optional", "required"] as const;

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
  const t = useTranslations("organization.settings");
  // a setting's words: `section.setting` of the catalogue (a key built from the lists above, so typed loosely)
  const say = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const labels: Record<string, string> = Object.fromEntries(
    SETTINGS_SECTIONS.flatMap((s) => Object.keys(s.fields).map((k) => [`${s.key}.${k}`, say(`${s.key}.${k}`)])),
  );
  const v = state.attempt > 0 ? state.values : saved;
  const e = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      <input type="hidden" name="organization_id" value={organizationId} />
      <ErrorSummary message={state.message} fieldErrors={e} labels={labels} attempt={state.attempt} />
      {SETTINGS_SECTIONS.map((section) => (
        <fieldset key={section.key} className="space-y-5 border-t border-stone-200 pt-6 first-of-type:border-t-0 first-of-type:pt-0">
          <legend className="mb-2 text-xl font-semibold">{say(`${section.key}.title`)}</legend>
          <div className="grid gap-6 sm:grid-cols-2">
            {Object.entries(section.fields).map(([key, spec]) => {
              const name = `${section.key}.${key}`;
              const b = bounds[name];
              const unit = "unit" in spec ? (spec.unit as Unit) : undefined;
              const f = {
                label: labels[name],
                hint: "hint" in spec && spec.hint ? say(`${name}Hint`) : undefined,
                unit: unit && unit !== "atMost" ? say(`units.${unit}`) : undefined,
              };
              if (b.kind === "choice") {
                return (
                  <SelectField
                    key={name}
                    name={name}
                    label={f.label}
                    hint={f.hint}
                    error={e[name]}
                    defaultValue={v[name]}
                    options={b.options.map((o) => ({ value: o, label: (CHOICES as readonly string[]).includes(o) ? say(`choices.${o}`) : o }))}
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
                  ? f.unit
                    ? say("rangeUnit", { min: String(b.min), max: String(b.max), unit: f.unit })
                    : say("range", { min: String(b.min), max: String(b.max) })
                  : undefined;
              const hint = [f.hint, range].filter(Boolean).join(" ") || undefined;
              return (
                <TextField
                  key={name}
                  name={name}
                  label={f.unit ? t("labelUnit", { label: f.label, unit: f.unit }) : f.label}
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
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
