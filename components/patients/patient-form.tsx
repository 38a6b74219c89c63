"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { TimeZoneSelect } from "./time-zone-select";

const FIELDS = ["first_name", "last_name", "preferred_name", "date_of_birth", "timezone", "phone_number"] as const;

export function PatientForm({
  action,
  zones,
  defaultTimeZone,
  today,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  zones: string[];
  defaultTimeZone: string;
  today: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  const t = useTranslations("patients.form");
  const label = useTranslations("patients.labels");
  const L = Object.fromEntries(FIELDS.map((f) => [f, label(f)])) as Record<(typeof FIELDS)[number], string>;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      <ErrorSummary message={state.message} fieldErrors={e} labels={L} attempt={state.attempt} />
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">{t("about")}</legend>
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField name="first_name" label={L.first_name} autoComplete="off" defaultValue={v.first_name} error={e.first_name} />
          <TextField name="last_name" label={L.last_name} autoComplete="off" defaultValue={v.last_name} error={e.last_name} />
        </div>
        <TextField
          name="preferred_name"
          label={L.preferred_name}
          optional
          hint={t("preferredNameHint")}
          autoComplete="off"
          defaultValue={v.preferred_name}
          error={e.preferred_name}
        />
        <TextField
          name="date_of_birth"
          type="date"
          label={L.date_of_birth}
          hint={t("dateOfBirthHint")}
          min="1890-01-01"
          max={today}
          defaultValue={v.date_of_birth}
          error={e.date_of_birth}
          className="sm:max-w-xs"
        />
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">{t("reach")}</legend>
        <TimeZoneSelect
          name="timezone"
          label={L.timezone}
          hint={t("timezoneHint")}
          zones={zones}
          defaultValue={v.timezone || defaultTimeZone}
          preferBrowserZone={!v.timezone}
          error={e.timezone}
        />
        <TextField
          name="phone_number"
          type="tel"
          label={L.phone_number}
          optional
          hint={t("phoneHint")}
          autoComplete="off"
          defaultValue={v.phone_number}
          error={e.phone_number}
          className="sm:max-w-sm"
        />
      </fieldset>
      <div className="flex flex-wrap items-center gap-4 border-t border-stone-200 pt-6">
        <SubmitButton pendingText={t("adding")}>{t("submit")}</SubmitButton>
        <Link href="/patients" className={buttonClasses("quiet")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
