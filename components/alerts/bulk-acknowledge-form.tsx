"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { SubmitButton } from "@/components/forms/submit-button";

/** "Acknowledge selected": the tick boxes on each alert belong to this form (their `form` attribute). */
export function BulkAcknowledgeForm({ id, action, back }: { id: string; action: (prev: FormState, form: FormData) => Promise<FormState>; back: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("alerts.bulk");
  return (
    <form id={id} action={formAction} className="flex flex-wrap items-center gap-4">
      <input type="hidden" name="back" value={back} />
      <SubmitButton variant="secondary" pendingText={t("pending")}>
        {t("submit")}
      </SubmitButton>
      <p className="text-base text-stone-700">{t("hint")}</p>
      {state.message && (
        <p role="alert" className="w-full font-semibold text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
