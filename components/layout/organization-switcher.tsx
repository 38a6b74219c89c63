"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { SubmitButton } from "@/components/forms/submit-button";

type Org = { id: string; name: string };

/**
 * The current organization in the header; with more than one, a small form switches (works without script:
 * a select and a button). The server checks the choice against the caregiver's memberships.
 */
export function OrganizationSwitcher({
  organizations,
  current,
  action,
}: {
  organizations: Org[];
  current: Org;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("layout");
  if (organizations.length < 2) {
    return (
      <p className="text-base text-stone-600">
        {t.rich("organizationIs", { name: current.name, strong: (chunks) => <span className="font-semibold text-stone-900">{chunks}</span> })}
      </p>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <label htmlFor="current-organization" className="text-base text-stone-600">
        {t("organization")}
      </label>
      <select
        id="current-organization"
        name="organization_id"
        defaultValue={current.id}
        className="min-h-12 max-w-56 rounded-lg border-2 border-stone-300 bg-white px-3 text-base font-semibold text-stone-900"
      >
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <SubmitButton pendingText={t("switching")} variant="secondary">
        {t("switch")}
      </SubmitButton>
      {state.message && (
        <p role="alert" className="text-base font-semibold text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
