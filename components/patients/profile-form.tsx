"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Messages } from "@/lib/i18n/messages";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { FieldShell, TextField, inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { INACTIVITY_FIELDS, PROFILE_FIELDS, type ProfileField } from "@/lib/patients/profile-form";
import { TimeZoneSelect } from "./time-zone-select";
import { GENDERS, STYLES, VOICES } from "./profile-choices";

/** A field's label key in `patients.labels` ("settings.inactivity.high_after_hours" -> "high_after_hours"). */
const labelKey = (f: ProfileField) => f.replace("settings.inactivity.", "") as keyof Messages["patients"]["labels"];

type Field = ProfileField;

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
  const t = useTranslations("patients.profile");
  const label = useTranslations("patients.labels");
  const words = useTranslations("patientLabels");
  const L = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, label(labelKey(f))])) as Record<Field, string>;
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
        <legend className="mb-4 text-xl font-semibold">{t("about")}</legend>
        <div className="grid gap-6 sm:grid-cols-2">
          {text("first_name")}
          {text("last_name")}
        </div>
        {text("preferred_name", { optional: true, hint: t("preferredNameHint") })}
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
              <option value="">{t("notRecorded")}</option>
              {GENDERS.map((value) => (
                <option key={value} value={value}>
                  {words(`gender.${value}`)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">{t("contact")}</legend>
        {text("phone_number", { type: "tel", optional: true, hint: t("phoneHint") })}
        {text("address", { optional: true })}
        <TimeZoneSelect
          name="timezone"
          label={L.timezone}
          hint={t("timezoneHint")}
          zones={zones}
          defaultValue={v("timezone")}
          preferBrowserZone={false}
          error={e.timezone}
        />
        <div className="grid gap-6 sm:grid-cols-2">
          {text("emergency_contact_name", { optional: true })}
          {text("emergency_contact_phone", { type: "tel", optional: true, hint: t("emergencyPhoneHint") })}
        </div>
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">{t("health")}</legend>
        <p className="text-base text-stone-600">{t("healthIntro")}</p>
        {area("medical_conditions", t("conditionsHint"))}
        {area("medications", t("medicationsHint"))}
        {area("allergies", t("allergiesHint"))}
        {area("dietary_restrictions", t("dietHint"))}
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">{t("companionTalks")}</legend>
        {text("language", { hint: t("languageHint"), className: "sm:max-w-xs" })}
        {choice("communication_style", Object.fromEntries(STYLES.map((s) => [s, words(`style.${s}`)])))}
        {choice("preferred_voice", Object.fromEntries(VOICES.map((s) => [s, words(`voice.${s}`)])))}
        {text("profile_photo_url", { type: "url", optional: true, hint: t("photoHint") })}
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">{t("companionKnows")}</legend>
        <p className="text-base text-stone-600">{t("knowsIntro")}</p>
        {area("hobbies", t("hobbiesHint"))}
        {area("children", t("childrenHint"))}
        {area("grandchildren", t("grandchildrenHint"))}
        {area("life_story", t("lifeStoryHint"), 5)}
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">{t("inactivity")}</legend>
        <p className="text-base text-stone-600">{t("inactivityIntro")}</p>
        <div className="grid gap-6 sm:grid-cols-2">
          {INACTIVITY_FIELDS.map((f) =>
            text(f, {
              optional: true,
              inputMode: f.includes("hours_start") || f.includes("hours_end") ? "text" : "decimal",
              hint: f.includes("waking") ? t("wakingHint") : undefined,
            }),
          )}
        </div>
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">{t("ai")}</legend>
        <p className="text-base text-stone-600">{t("aiIntro")}</p>
        {text("ai_model", { optional: true })}
        {area("ai_system_prompt", t("promptHint"), 4)}
        {text("ai_context_window", { optional: true, inputMode: "numeric", hint: t("contextHint"), className: "sm:max-w-xs" })}
      </fieldset>
      <div className="flex flex-wrap items-center gap-4 border-t border-stone-200 pt-6">
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
        <Link href={cancelHref} className={buttonClasses("quiet")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
