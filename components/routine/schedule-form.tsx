"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SCHEDULE_TYPES } from "./schedule-types";

const FIELDS = [
  "type",
  "title",
  "instructions",
  "medication_name",
  "dosage",
  "times_of_day",
  "recurrence",
  "days_of_week",
  "interval_days",
  "start_date",
  "end_date",
  "advance_notice_minutes",
  "alert_on_miss",
] as const;
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type ScheduleFormValues = Record<(typeof FIELDS)[number], string>;

/**
 * Create or edit a schedule. Validated on the server by the API's schema (errors beside each field). Every
 * field is always shown (the form works without script); those that do not apply to the chosen type or
 * recurrence say so in their hint and are cleared on save.
 */
export function ScheduleForm({
  action,
  current,
  submitLabel,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  current: ScheduleFormValues;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = (f: keyof ScheduleFormValues) => (state.attempt > 0 ? (state.values[f] ?? "") : current[f]);
  const e = state.fieldErrors;
  const t = useTranslations("routine.form");
  const labels = useTranslations("patientLabels");
  const L = Object.fromEntries(FIELDS.map((f) => [f, t(`labels.${f}`)])) as ScheduleFormValues;
  const days = new Set(v("days_of_week").split(",").filter(Boolean));
  const select = (f: "type" | "recurrence", options: [string, string][]) => (
    <SelectField name={f} label={L[f]} error={e[f]} defaultValue={v(f)} options={options.map(([value, label]) => ({ value, label }))} />
  );
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      <ErrorSummary message={state.message} fieldErrors={e} labels={L} attempt={state.attempt} />
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">{t("what")}</legend>
        {select(
          "type",
          SCHEDULE_TYPES.map((type) => [type, labels(`scheduleType.${type}`)]),
        )}
        <TextField name="title" label={L.title} hint={t("titleHint")} defaultValue={v("title")} error={e.title} autoComplete="off" />
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField
            name="medication_name"
            label={L.medication_name}
            optional
            hint={t("medicationOnly")}
            defaultValue={v("medication_name")}
            error={e.medication_name}
            autoComplete="off"
          />
          <TextField name="dosage" label={L.dosage} optional hint={t("dosageHint")} defaultValue={v("dosage")} error={e.dosage} autoComplete="off" />
        </div>
        <TextField
          name="instructions"
          label={L.instructions}
          optional
          hint={t("instructionsHint")}
          defaultValue={v("instructions")}
          error={e.instructions}
          autoComplete="off"
        />
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">{t("when")}</legend>
        <TextField
          name="times_of_day"
          label={L.times_of_day}
          hint={t("timesHint")}
          defaultValue={v("times_of_day")}
          error={e.times_of_day}
          autoComplete="off"
          inputMode="numeric"
          className="sm:max-w-sm"
        />
        {select("recurrence", [
          ["daily", t("daily")],
          ["weekly", t("weekly")],
          ["interval", t("interval")],
          ["once", t("once")],
        ])}
        <fieldset aria-describedby={e.days_of_week ? "field-days_of_week-error" : undefined} className={e.days_of_week ? "border-l-4 border-red-700 pl-4" : ""}>
          <legend id="field-days_of_week" tabIndex={-1} className="font-semibold">
            {L.days_of_week} <span className="font-normal text-stone-600">{t("daysFor")}</span>
          </legend>
          {e.days_of_week && (
            <p id="field-days_of_week-error" className="mt-1 text-base font-semibold text-red-700">
              <span className="sr-only">{t("error")}</span>
              {e.days_of_week}
            </p>
          )}
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {DAYS.map((d) => (
              <label key={d} className="inline-flex min-h-12 items-center gap-2">
                <input type="checkbox" name="days_of_week" value={d} defaultChecked={days.has(String(d))} className="size-6 accent-teal-700" />
                {labels(`weekday.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          name="interval_days"
          label={L.interval_days}
          optional
          inputMode="numeric"
          hint={t("intervalHint")}
          defaultValue={v("interval_days")}
          error={e.interval_days}
          className="sm:max-w-[8rem]"
        />
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField name="start_date" type="date" label={L.start_date} optional hint={t("startHint")} defaultValue={v("start_date")} error={e.start_date} />
          <TextField name="end_date" type="date" label={L.end_date} optional hint={t("endHint")} defaultValue={v("end_date")} error={e.end_date} />
        </div>
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">{t("reminding")}</legend>
        <TextField
          name="advance_notice_minutes"
          label={L.advance_notice_minutes}
          optional
          inputMode="numeric"
          hint={t("noticeHint")}
          defaultValue={v("advance_notice_minutes")}
          error={e.advance_notice_minutes}
          className="sm:max-w-[8rem]"
        />
        <div className={e.alert_on_miss ? "border-l-4 border-red-700 pl-4" : ""}>
          <label className="inline-flex min-h-12 items-center gap-3 font-semibold">
            <input
              type="checkbox"
              id="field-alert_on_miss"
              name="alert_on_miss"
              defaultChecked={v("alert_on_miss") === "on"}
              className="size-6 accent-teal-700"
            />
            {L.alert_on_miss}
          </label>
          {e.alert_on_miss && <p className="text-base font-semibold text-red-700">{e.alert_on_miss}</p>}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4 border-t border-stone-200 pt-6">
        <SubmitButton pendingText={t("saving")}>{submitLabel}</SubmitButton>
        <Link href={cancelHref} className={buttonClasses("quiet")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
