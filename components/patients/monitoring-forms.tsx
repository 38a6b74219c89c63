"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/**
 * "I spoke to Betty": a caregiver who called or visited records it. It counts as a sign of life and ends an
 * open inactivity episode, with a note naming them.
 */
export function SpokeWithForm({ action, name }: { action: Action; name: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("patients.monitoringForms");
  const SPOKE_WITH_LABELS = { note: t("spokeNote") };
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary
        message={state.message}
        fieldErrors={state.fieldErrors}
        labels={SPOKE_WITH_LABELS}
        attempt={state.attempt}
        idFor={(f) => `spoke-with-${f}`}
      />
      <TextField
        id="spoke-with-note"
        name="note"
        label={SPOKE_WITH_LABELS.note}
        optional
        hint={t("spokeHint")}
        maxLength={500}
        defaultValue={state.values.note}
        error={state.fieldErrors.note}
      />
      <SubmitButton pendingText={t("recording")}>{t("spokeSubmit", { name })}</SubmitButton>
    </form>
  );
}

/** Pause inactivity and phone-offline monitoring until a day (hospital stay, holiday). */
export function PauseMonitoringForm({ action, today, defaultUntil }: { action: Action; today: string; defaultUntil?: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("patients.monitoringForms");
  const PAUSE_LABELS = { until: t("until"), reason: t("reason") };
  const v = state.attempt > 0 ? state.values : { until: defaultUntil ?? "", reason: "" };
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={PAUSE_LABELS} attempt={state.attempt} idFor={(f) => `pause-${f}`} />
      <TextField
        id="pause-until"
        name="until"
        type="date"
        label={PAUSE_LABELS.until}
        hint={t("untilHint")}
        min={today}
        defaultValue={v.until}
        error={state.fieldErrors.until}
      />
      <TextField
        id="pause-reason"
        name="reason"
        label={PAUSE_LABELS.reason}
        optional
        hint={t("reasonHint")}
        maxLength={200}
        defaultValue={v.reason}
        error={state.fieldErrors.reason}
      />
      <SubmitButton pendingText={t("pausing")}>{t("pause")}</SubmitButton>
    </form>
  );
}
