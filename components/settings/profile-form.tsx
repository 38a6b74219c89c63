"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TimeZoneSelect } from "@/components/patients/time-zone-select";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

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
  const t = useTranslations("settings.profile");
  const LABELS = {
    first_name: t("fields.first_name"),
    last_name: t("fields.last_name"),
    phone_number: t("fields.phone_number"),
    timezone: t("fields.timezone"),
  };
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
        hint={t("phoneHint")}
        autoComplete="tel"
        defaultValue={v.phone_number}
        error={e.phone_number}
        className="sm:max-w-sm"
      />
      <TimeZoneSelect
        name="timezone"
        label={LABELS.timezone}
        hint={t("timezoneHint")}
        zones={zones}
        defaultValue={v.timezone}
        preferBrowserZone={false}
        error={e.timezone}
      />
      <div className="border-t border-stone-200 pt-6">
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
