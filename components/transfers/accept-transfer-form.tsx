"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";

/**
 * The confirmation step of accepting a transfer: who becomes the patient's primary caregiver here (a member of
 * this organization, as the domain requires), and the one button that sends confirm=yes. Works without script.
 */
export function AcceptTransferForm({
  action,
  transferId,
  patientName,
  members,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  transferId: string;
  patientName: string;
  members: { id: string; name: string }[];
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("transfers.acceptForm");
  const forms = useTranslations("forms");
  const e = state.fieldErrors;
  return (
    <section id="accept" aria-labelledby="accept-heading" className="scroll-mt-6 rounded-xl border-2 border-teal-700 bg-teal-50 p-6 text-stone-900">
      <h2 id="accept-heading" className="text-xl font-semibold">
        {t("title", { name: patientName })}
      </h2>
      <p className="mt-2 max-w-prose">{t("text", { name: patientName })}</p>
      <form key={state.attempt} action={formAction} noValidate className="mt-4 space-y-4">
        <input type="hidden" name="transfer_id" value={transferId} />
        <input type="hidden" name="confirm" value="yes" />
        <ErrorSummary
          message={state.message}
          fieldErrors={e}
          labels={{ primary_caregiver_id: t("primary") }}
          attempt={state.attempt}
          idFor={(f) => `accept-${f}`}
        />
        <SelectField
          id="accept-primary_caregiver_id"
          name="primary_caregiver_id"
          label={t("primary")}
          hint={t("primaryHint")}
          defaultValue={state.values.primary_caregiver_id ?? ""}
          options={[{ value: "", label: t("keepPrimary") }, ...members.map((m) => ({ value: m.id, label: m.name }))]}
          error={e.primary_caregiver_id}
        />
        <div className="flex flex-wrap gap-3">
          <SubmitButton pendingText={t("accepting")}>{t("confirm", { name: patientName })}</SubmitButton>
          <Link href={cancelHref} className={buttonClasses("quiet")}>
            {forms("cancel")}
          </Link>
        </div>
      </form>
    </section>
  );
}
