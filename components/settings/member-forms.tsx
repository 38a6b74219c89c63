"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { Notice } from "@/components/ui/notice";
import { buttonClasses } from "@/components/ui/button";
import type { Role } from "./roles";
import { SelectField } from "@/components/ui/select-field";
import { CheckboxField } from "./checkbox-field";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

function RoleSelect({
  id,
  defaultValue,
  roles,
  error,
  label,
  hint,
}: {
  id: string;
  defaultValue: string;
  roles: Role[];
  error?: string;
  label: string;
  hint?: string;
}) {
  const labels = useTranslations("labels.orgRole");
  return (
    <SelectField
      id={id}
      name="role"
      label={label}
      hint={hint}
      error={error}
      defaultValue={defaultValue}
      options={roles.map((r) => ({ value: r, label: labels(r) }))}
      className="sm:max-w-xs"
    />
  );
}

/** Invite an existing Elda caregiver by email (owners and admins). */
export function AddMemberForm({ action, organizationId, roles }: { action: Action; organizationId: string; roles: Role[] }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("organization.memberForms");
  const e = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <input type="hidden" name="organization_id" value={organizationId} />
      <ErrorSummary message={state.message} fieldErrors={e} labels={{ email: t("email"), role: t("role") }} attempt={state.attempt} idFor={(f) => `add-${f}`} />
      <TextField
        id="add-email"
        name="email"
        type="email"
        label={t("email")}
        hint={t("emailHint")}
        autoComplete="off"
        spellCheck={false}
        defaultValue={state.values.email}
        error={e.email}
        className="sm:max-w-md"
      />
      <RoleSelect id="add-role" label={t("role")} hint={t("roleHint")} defaultValue={state.values.role || "member"} roles={roles} error={e.role} />
      <SubmitButton pendingText={t("adding")}>{t("add")}</SubmitButton>
    </form>
  );
}

/** Change one member's role; the domain refuses to leave the organization without an owner. */
export function ChangeRoleForm({
  action,
  organizationId,
  caregiverId,
  name,
  role,
  roles,
  facilities,
  facilityIds,
}: {
  action: Action;
  organizationId: string;
  caregiverId: string;
  name: string;
  role: Role;
  roles: Role[];
  /** the organization's facilities, when it has more than one: an admin may administer only some */
  facilities: { id: string; name: string }[];
  facilityIds: string[];
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("organization.memberForms");
  const id = `role-${caregiverId}`;
  return (
    <form key={state.attempt} action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="organization_id" value={organizationId} />
      <input type="hidden" name="caregiver_id" value={caregiverId} />
      <div className="min-w-48 flex-1">
        <RoleSelect
          id={id}
          label={t("roleOf", { name })}
          defaultValue={state.values.role || role}
          roles={roles}
          error={state.fieldErrors.role ?? state.message}
        />
      </div>
      {facilities.length > 0 && (
        <fieldset className="w-full space-y-1" aria-describedby={`${id}-facilities-hint`}>
          <legend className="font-semibold text-stone-900">{t("facilities", { name })}</legend>
          <p id={`${id}-facilities-hint`} className="text-base text-stone-600">
            {t("facilitiesHint")}
          </p>
          {state.fieldErrors.facility_ids && <p className="text-base font-semibold text-red-700">{state.fieldErrors.facility_ids}</p>}
          {facilities.map((f) => (
            <CheckboxField
              key={f.id}
              id={`${id}-facility-${f.id}`}
              name="facility_ids"
              value={f.id}
              label={f.name}
              defaultChecked={facilityIds.includes(f.id)}
            />
          ))}
        </fieldset>
      )}
      <SubmitButton pendingText={t("saving")}>{t("changeRole")}</SubmitButton>
    </form>
  );
}

/** An owner or admin resets a member's two-factor sign-in (a lost phone); audited. */
export function ResetTwoFactorForm({
  action,
  organizationId,
  caregiverId,
  name,
}: {
  action: Action;
  organizationId: string;
  caregiverId: string;
  name: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("organization.memberForms");
  return (
    <form key={state.attempt} action={formAction} className="space-y-2">
      <input type="hidden" name="organization_id" value={organizationId} />
      <input type="hidden" name="caregiver_id" value={caregiverId} />
      {state.message && <Notice tone="error" role="alert" title={state.message} />}
      <button type="submit" className={buttonClasses("secondary")} aria-label={t("resetTwoFactorOf", { name })}>
        {t("resetTwoFactor")}
      </button>
    </form>
  );
}
