"use client";

import { useActionState } from "react";
import Link from "next/link";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TYPE_NAMES } from "./schedule-types";

export const SCHEDULE_LABELS = {
  type: "Type",
  title: "Title",
  instructions: "Instructions",
  medication_name: "Medication name",
  dosage: "Dosage",
  times_of_day: "Time",
  recurrence: "Repeats",
  days_of_week: "Days",
  interval_days: "Every how many days",
  start_date: "Starts on",
  end_date: "Ends on",
  advance_notice_minutes: "Advance notice (minutes)",
  alert_on_miss: "Alert the care team if it is missed",
};

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export type ScheduleFormValues = Record<keyof typeof SCHEDULE_LABELS, string>;

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
  const L = SCHEDULE_LABELS;
  const days = new Set(v("days_of_week").split(",").filter(Boolean));
  const select = (f: "type" | "recurrence", options: [string, string][]) => (
    <SelectField name={f} label={L[f]} error={e[f]} defaultValue={v(f)} options={options.map(([value, label]) => ({ value, label }))} />
  );
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      <ErrorSummary message={state.message} fieldErrors={e} labels={L} attempt={state.attempt} />
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">What</legend>
        {select("type", Object.entries(TYPE_NAMES))}
        <TextField
          name="title"
          label={L.title}
          hint="What the reminder says, for example Morning pills."
          defaultValue={v("title")}
          error={e.title}
          autoComplete="off"
        />
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField
            name="medication_name"
            label={L.medication_name}
            optional
            hint="Medication only."
            defaultValue={v("medication_name")}
            error={e.medication_name}
            autoComplete="off"
          />
          <TextField
            name="dosage"
            label={L.dosage}
            optional
            hint="Medication only, for example 500 mg."
            defaultValue={v("dosage")}
            error={e.dosage}
            autoComplete="off"
          />
        </div>
        <TextField
          name="instructions"
          label={L.instructions}
          optional
          hint="For example: with breakfast."
          defaultValue={v("instructions")}
          error={e.instructions}
          autoComplete="off"
        />
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">When</legend>
        <TextField
          name="times_of_day"
          label={L.times_of_day}
          hint="24-hour clock in their local time, for example 08:00. For several times a day, separate them with commas: 08:00, 20:00."
          defaultValue={v("times_of_day")}
          error={e.times_of_day}
          autoComplete="off"
          inputMode="numeric"
          className="sm:max-w-sm"
        />
        {select("recurrence", [
          ["daily", "Every day"],
          ["weekly", "On certain days of the week"],
          ["interval", "Every few days"],
          ["once", "Once"],
        ])}
        <fieldset aria-describedby={e.days_of_week ? "field-days_of_week-error" : undefined} className={e.days_of_week ? "border-l-4 border-red-700 pl-4" : ""}>
          <legend id="field-days_of_week" tabIndex={-1} className="font-semibold">
            {L.days_of_week} <span className="font-normal text-stone-600">(for “On certain days of the week”)</span>
          </legend>
          {e.days_of_week && (
            <p id="field-days_of_week-error" className="mt-1 text-base font-semibold text-red-700">
              <span className="sr-only">Error: </span>
              {e.days_of_week}
            </p>
          )}
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {DAYS.map((name, i) => (
              <label key={name} className="inline-flex min-h-12 items-center gap-2">
                <input type="checkbox" name="days_of_week" value={i + 1} defaultChecked={days.has(String(i + 1))} className="size-6 accent-teal-700" />
                {name}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          name="interval_days"
          label={L.interval_days}
          optional
          inputMode="numeric"
          hint="For “Every few days”: 2 means every other day."
          defaultValue={v("interval_days")}
          error={e.interval_days}
          className="sm:max-w-[8rem]"
        />
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField
            name="start_date"
            type="date"
            label={L.start_date}
            optional
            hint="Today if left empty."
            defaultValue={v("start_date")}
            error={e.start_date}
          />
          <TextField
            name="end_date"
            type="date"
            label={L.end_date}
            optional
            hint="Leave empty to keep going."
            defaultValue={v("end_date")}
            error={e.end_date}
          />
        </div>
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="mb-4 text-xl font-semibold">Reminding</legend>
        <TextField
          name="advance_notice_minutes"
          label={L.advance_notice_minutes}
          optional
          inputMode="numeric"
          hint="How many minutes early the phone reminds them (0 to 120)."
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
        <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
        <Link href={cancelHref} className={buttonClasses("quiet")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
