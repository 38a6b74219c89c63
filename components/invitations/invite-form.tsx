"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

/** Invite by email or SMS, naming a role and, optionally, a patient's care team and the standing on it. */
export function InviteForm({
  action,
  organizationId,
  roles,
  patients,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  organizationId: string;
  roles: { value: string; label: string }[];
  patients: { id: string; name: string }[];
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("invitations.form");
  const standing = useTranslations("labels.careStanding");
  const LABELS = { email: t("email"), phone_number: t("phone_number"), role: t("role"), patient_id: t("patient_id"), standing: t("standing") };
  const e = state.fieldErrors;
  const v = state.values;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <input type="hidden" name="organization_id" value={organizationId} />
      <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} attempt={state.attempt} idFor={(f) => `invite-${f}`} />
      <p className="max-w-prose text-stone-700">{t("oneOfTwo")}</p>
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id="invite-email"
          name="email"
          type="email"
          label={LABELS.email}
          autoComplete="off"
          spellCheck={false}
          defaultValue={v.email}
          error={e.email}
        />
        <TextField
          id="invite-phone_number"
          name="phone_number"
          type="tel"
          label={LABELS.phone_number}
          hint={t("phoneHint")}
          autoComplete="off"
          defaultValue={v.phone_number}
          error={e.phone_number}
        />
      </div>
      <SelectField id="invite-role" name="role" label={LABELS.role} defaultValue={v.role || "member"} options={roles} error={e.role} />
      <SelectField
        id="invite-patient_id"
        name="patient_id"
        label={LABELS.patient_id}
        hint={t("patientHint")}
        defaultValue={v.patient_id ?? ""}
        options={[{ value: "", label: t("noPatient") }, ...patients.map((p) => ({ value: p.id, label: p.name }))]}
        error={e.patient_id}
      />
      <SelectField
        id="invite-standing"
        name="standing"
        label={LABELS.standing}
        hint={t("standingHint")}
        defaultValue={v.standing || "secondary"}
        options={[
          { value: "primary", label: standing("primary") },
          { value: "secondary", label: standing("secondary") },
          { value: "viewer", label: standing("viewer") },
        ]}
        error={e.standing}
      />
      <SubmitButton pendingText={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
