"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

const LABELS = { email: "Email address", phone_number: "Mobile number", role: "Role", patient_id: "Patient", standing: "Standing on the care team" };

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
  const e = state.fieldErrors;
  const v = state.values;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <input type="hidden" name="organization_id" value={organizationId} />
      <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} attempt={state.attempt} idFor={(f) => `invite-${f}`} />
      <p className="max-w-prose text-stone-700">Fill in one of the two: the link goes by email or by text message.</p>
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
          hint="With the country code, like +15551234567."
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
        hint="Optional: they join this patient's care team when they accept."
        defaultValue={v.patient_id ?? ""}
        options={[{ value: "", label: "No patient" }, ...patients.map((p) => ({ value: p.id, label: p.name }))]}
        error={e.patient_id}
      />
      <SelectField
        id="invite-standing"
        name="standing"
        label={LABELS.standing}
        hint="Only with a patient. Primary caregivers are called first and manage the care team; viewers only read."
        defaultValue={v.standing || "secondary"}
        options={[
          { value: "primary", label: "Primary caregiver" },
          { value: "secondary", label: "Secondary caregiver" },
          { value: "viewer", label: "Viewer" },
        ]}
        error={e.standing}
      />
      <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
