"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import type { PreferenceValues } from "@/lib/caregivers/preferences-form";
import { CheckboxField } from "./checkbox-field";
import { SelectField } from "@/components/ui/select-field";

export const NOTIFICATION_LABELS: Record<keyof PreferenceValues, string> = {
  "notifications.email": "Email",
  "notifications.sms": "Text message (SMS)",
  "notifications.push": "Push notification",
  alert_threshold: "Alert me from this severity up",
  "quiet_hours.enabled": "Use quiet hours",
  "quiet_hours.start": "Quiet hours start",
  "quiet_hours.end": "Quiet hours end",
  daily_summary_time: "Daily summary time",
};

const THRESHOLDS = [
  { value: "low", label: "Low — every alert" },
  { value: "medium", label: "Medium and above" },
  { value: "high", label: "High and critical only" },
  { value: "critical", label: "Critical only" },
];

export function NotificationsForm({ action, saved }: { action: (prev: FormState, form: FormData) => Promise<FormState>; saved: PreferenceValues }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = (state.attempt > 0 ? state.values : saved) as PreferenceValues;
  const e = state.fieldErrors;
  const L = NOTIFICATION_LABELS;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      <ErrorSummary message={state.message} fieldErrors={e} labels={L} attempt={state.attempt} />
      <fieldset className="space-y-3">
        <legend className="mb-2 text-xl font-semibold">How to reach you</legend>
        <p className="text-base text-stone-600">Alerts and your daily summary go to every channel you tick. Critical alerts may also call your phone.</p>
        <CheckboxField name="notifications.email" label={L["notifications.email"]} defaultChecked={v["notifications.email"] === "on"} />
        <CheckboxField
          name="notifications.sms"
          label={L["notifications.sms"]}
          hint="Needs a phone number in your profile."
          defaultChecked={v["notifications.sms"] === "on"}
        />
        <CheckboxField
          name="notifications.push"
          label={L["notifications.push"]}
          hint="To the browsers where you turn on notifications (below)."
          defaultChecked={v["notifications.push"] === "on"}
        />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-2 text-xl font-semibold">Which alerts</legend>
        <SelectField
          name="alert_threshold"
          label={L.alert_threshold}
          hint="Alerts below this severity stay in the dashboard without notifying you."
          options={THRESHOLDS}
          defaultValue={v.alert_threshold}
          error={e.alert_threshold}
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">Quiet hours</legend>
        <CheckboxField
          name="quiet_hours.enabled"
          label={L["quiet_hours.enabled"]}
          hint="Non-critical alerts wait until quiet hours end. Critical alerts always come through."
          defaultChecked={v["quiet_hours.enabled"] === "on"}
        />
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField
            name="quiet_hours.start"
            type="time"
            label={L["quiet_hours.start"]}
            hint="In your time zone."
            defaultValue={v["quiet_hours.start"]}
            error={e["quiet_hours.start"]}
          />
          <TextField
            name="quiet_hours.end"
            type="time"
            label={L["quiet_hours.end"]}
            hint="May be the next morning."
            defaultValue={v["quiet_hours.end"]}
            error={e["quiet_hours.end"]}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-2 text-xl font-semibold">Daily summary</legend>
        <TextField
          name="daily_summary_time"
          type="time"
          label={L.daily_summary_time}
          hint="Once a day, a summary of each patient you care for, sent to the channels ticked above."
          defaultValue={v.daily_summary_time}
          error={e.daily_summary_time}
          className="sm:max-w-xs"
        />
      </fieldset>

      <div className="border-t border-stone-200 pt-6">
        <SubmitButton pendingText="Saving…">Save notification settings</SubmitButton>
      </div>
    </form>
  );
}
