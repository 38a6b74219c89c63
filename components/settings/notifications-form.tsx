"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import type { PreferenceValues } from "@/lib/caregivers/preferences-form";
import { CheckboxField } from "./checkbox-field";
import { SelectField } from "@/components/ui/select-field";

/** Each field's key in `settings.notifications.fields` (the form's names have dots, the catalogue's keys cannot). */
const LABEL_KEYS = {
  "notifications.email": "email",
  "notifications.sms": "sms",
  "notifications.push": "push",
  alert_threshold: "alertThreshold",
  "quiet_hours.enabled": "quietEnabled",
  "quiet_hours.start": "quietStart",
  "quiet_hours.end": "quietEnd",
  daily_summary_time: "dailySummaryTime",
} as const satisfies Record<keyof PreferenceValues, string>;

const THRESHOLDS = ["low", "medium", "high", "critical"] as const;

export function NotificationsForm({ action, saved }: { action: (prev: FormState, form: FormData) => Promise<FormState>; saved: PreferenceValues }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = (state.attempt > 0 ? state.values : saved) as PreferenceValues;
  const e = state.fieldErrors;
  const t = useTranslations("settings.notifications");
  const L = Object.fromEntries(Object.entries(LABEL_KEYS).map(([name, key]) => [name, t(`fields.${key}`)])) as Record<keyof PreferenceValues, string>;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      <ErrorSummary message={state.message} fieldErrors={e} labels={L} attempt={state.attempt} />
      <fieldset className="space-y-3">
        <legend className="mb-2 text-xl font-semibold">{t("reach")}</legend>
        <p className="text-base text-stone-600">{t("reachHint")}</p>
        <CheckboxField name="notifications.email" label={L["notifications.email"]} defaultChecked={v["notifications.email"] === "on"} />
        <CheckboxField name="notifications.sms" label={L["notifications.sms"]} hint={t("smsHint")} defaultChecked={v["notifications.sms"] === "on"} />
        <CheckboxField name="notifications.push" label={L["notifications.push"]} hint={t("pushHint")} defaultChecked={v["notifications.push"] === "on"} />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-2 text-xl font-semibold">{t("which")}</legend>
        <SelectField
          name="alert_threshold"
          label={L.alert_threshold}
          hint={t("thresholdHint")}
          options={THRESHOLDS.map((value) => ({ value, label: t(`thresholds.${value}`) }))}
          defaultValue={v.alert_threshold}
          error={e.alert_threshold}
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">{t("quiet")}</legend>
        <CheckboxField name="quiet_hours.enabled" label={L["quiet_hours.enabled"]} hint={t("quietHint")} defaultChecked={v["quiet_hours.enabled"] === "on"} />
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField
            name="quiet_hours.start"
            type="time"
            label={L["quiet_hours.start"]}
            hint={t("quietStartHint")}
            defaultValue={v["quiet_hours.start"]}
            error={e["quiet_hours.start"]}
          />
          <TextField
            name="quiet_hours.end"
            type="time"
            label={L["quiet_hours.end"]}
            hint={t("quietEndHint")}
            defaultValue={v["quiet_hours.end"]}
            error={e["quiet_hours.end"]}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-2 text-xl font-semibold">{t("daily")}</legend>
        <TextField
          name="daily_summary_time"
          type="time"
          label={L.daily_summary_time}
          hint={t("dailyHint")}
          defaultValue={v.daily_summary_time}
          error={e.daily_summary_time}
          className="sm:max-w-xs"
        />
      </fieldset>

      <div className="border-t border-stone-200 pt-6">
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
