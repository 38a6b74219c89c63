"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { CheckboxField } from "./checkbox-field";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** An owner makes another member owner, and may step down to admin in the same step. */
export function TransferOwnershipForm({
  action,
  organizationId,
  members,
}: {
  action: Action;
  organizationId: string;
  members: { id: string; name: string }[];
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("organization.ownership");
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <input type="hidden" name="organization_id" value={organizationId} />
      <ErrorSummary
        message={state.message}
        fieldErrors={state.fieldErrors}
        labels={{ caregiver_id: t("newOwner") }}
        attempt={state.attempt}
        idFor={(f) => `owner-${f}`}
      />
      <SelectField
        id="owner-caregiver_id"
        name="caregiver_id"
        label={t("newOwner")}
        error={state.fieldErrors.caregiver_id}
        defaultValue={state.values.caregiver_id}
        options={members.map((m) => ({ value: m.id, label: m.name }))}
      />
      <CheckboxField id="owner-step_down" name="step_down" value="yes" label={t("stepDown")} hint={t("stepDownHint")} />
      <SubmitButton pendingText={t("transferring")}>{t("transferSubmit")}</SubmitButton>
    </form>
  );
}

/** Deleting the organization: its name typed again. */
export function DeleteOrganizationForm({ action, organizationId, name }: { action: Action; organizationId: string; name: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("organization.ownership");
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <input type="hidden" name="organization_id" value={organizationId} />
      <ErrorSummary
        message={state.message}
        fieldErrors={state.fieldErrors}
        labels={{ confirm_name: t("confirmName") }}
        attempt={state.attempt}
        idFor={(f) => `delete-${f}`}
      />
      <TextField
        id="delete-confirm_name"
        name="confirm_name"
        label={t("confirmName")}
        hint={t("confirmNameHint", { name })}
        autoComplete="off"
        error={state.fieldErrors.confirm_name}
        className="sm:max-w-md"
      />
      <SubmitButton variant="danger" pendingText={t("deleting")}>
        {t("deleteSubmit")}
      </SubmitButton>
    </form>
  );
}
