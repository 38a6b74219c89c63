"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { CheckboxField } from "@/components/settings/checkbox-field";

/**
 * Ask to move a patient (an admin of the source): one of my organizations or facilities, or another
 * organization's id. The box confirming an open critical alert appears when the domain asks for it.
 */
export function RequestTransferForm({
  action,
  name,
  destinations,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  name: string;
  destinations: { value: string; label: string }[];
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("transfers.requestForm");
  const LABELS = {
    destination: t("destination"),
    other_organization_id: t("other_organization_id"),
    other_facility_id: t("other_facility_id"),
    note: t("note"),
    confirm_open_critical: t("confirm_open_critical"),
  };
  const v = state.values;
  // the schema's names land on the box the value came from
  const other = !!v.other_organization_id;
  const e: Record<string, string> = { ...state.fieldErrors };
  if (e.to_organization_id) e[other ? "other_organization_id" : "destination"] ??= e.to_organization_id;
  if (e.to_facility_id) e[other ? "other_facility_id" : "destination"] ??= e.to_facility_id;
  delete e.to_organization_id;
  delete e.to_facility_id;
  const asksConfirm = !!e.confirm_open_critical || v.confirm_open_critical === "yes";
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} attempt={state.attempt} idFor={(f) => `transfer-${f}`} />
      <SelectField
        id="transfer-destination"
        name="destination"
        label={LABELS.destination}
        hint={t("destinationHint")}
        defaultValue={v.destination ?? ""}
        options={[{ value: "", label: t("choose") }, ...destinations]}
        error={e.destination}
        className="sm:max-w-xl"
      />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id="transfer-other_organization_id"
          name="other_organization_id"
          label={LABELS.other_organization_id}
          hint={t("otherOrganizationHint")}
          optional
          autoComplete="off"
          spellCheck={false}
          defaultValue={v.other_organization_id}
          error={e.other_organization_id}
        />
        <TextField
          id="transfer-other_facility_id"
          name="other_facility_id"
          label={LABELS.other_facility_id}
          hint={t("otherFacilityHint")}
          optional
          autoComplete="off"
          spellCheck={false}
          defaultValue={v.other_facility_id}
          error={e.other_facility_id}
        />
      </div>
      <TextField id="transfer-note" name="note" label={LABELS.note} optional autoComplete="off" defaultValue={v.note} error={e.note} />
      {asksConfirm && (
        <div className={e.confirm_open_critical ? "border-l-4 border-red-700 pl-4" : ""}>
          {e.confirm_open_critical && <p className="mb-2 font-semibold text-red-700">{e.confirm_open_critical}</p>}
          <CheckboxField
            id="transfer-confirm_open_critical"
            name="confirm_open_critical"
            value="yes"
            label={LABELS.confirm_open_critical}
            hint={t("confirmHint", { name })}
            defaultChecked={v.confirm_open_critical === "yes"}
          />
        </div>
      )}
      <SubmitButton pendingText={t("sending")}>{t("submit", { name })}</SubmitButton>
    </form>
  );
}
