"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { TextField } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState } from "@/lib/dashboard/form-state";
import type { ApiKeyFormState } from "./api-key-state";
import { CheckboxField } from "./checkbox-field";
import { CopySecret } from "./copy-secret";
import { SelectField } from "@/components/ui/select-field";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created: string;
  lastUsed: string;
  expires: string;
  status: "active" | "revoked" | "expired";
  statusText: string;
}

const EXPIRY = [
  { value: "", key: "never" },
  { value: "30", key: "days30" },
  { value: "90", key: "days90" },
  { value: "365", key: "days365" },
] as const;

/**
 * The caregiver's API keys: the list with rotate and revoke, and the create form. A new key (created or
 * rotated) is shown once, here, with a copy button; it is never stored anywhere it could be shown again.
 */
export function ApiKeysManager({ action, keys }: { action: (prev: ApiKeyFormState, form: FormData) => Promise<ApiKeyFormState>; keys: ApiKeyRow[] }) {
  const [state, formAction] = useActionState(action, initialFormState as ApiKeyFormState);
  const t = useTranslations("settings.apiKeys");
  const tForms = useTranslations("forms");
  const locale = useLocale();
  const LABELS = { name: t("fields.name"), scopes: t("fields.scopes"), expires_in_days: t("fields.expires_in_days") };
  const scopeList = (scopes: string[]) =>
    new Intl.ListFormat(locale, { type: "conjunction" }).format(scopes.map((s) => (s === "read" || s === "write" ? t(`scopes.${s}`) : s)));
  const v = state.values;
  const e = state.fieldErrors;
  const scopes = state.attempt > 0 && !state.created && v.scopes !== undefined ? v.scopes.split(",") : ["read", "write"];
  return (
    <div className="space-y-8">
      {state.created && (
        <div role="status" className="space-y-4 rounded-xl border-l-4 border-teal-700 bg-teal-50 p-6 text-teal-950">
          <p className="text-xl font-semibold">
            {state.created.rotated ? t("rotatedTitle", { name: state.created.name }) : t("createdTitle", { name: state.created.name })}
          </p>
          <p>
            {t.rich("copyNow", { strong: (chunks) => <strong>{chunks}</strong> })}
            {state.created.rotated && ` ${t("oldKeyWorks")}`}
          </p>
          <CopySecret id="new-api-key" label={t("newKey")} value={state.created.key} />
        </div>
      )}
      {state.message && !Object.keys(e).length && <Notice tone="error" role="alert" title={state.message} />}

      <section aria-labelledby="keys-heading" className="space-y-4">
        <h2 id="keys-heading" className="text-2xl font-semibold">
          {t("yourKeys")}
        </h2>
        {keys.length === 0 ? (
          <div className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-10 text-center">
            <p className="text-xl font-semibold">{t("empty")}</p>
            <p className="mt-2 text-stone-700">{t("emptyBody")}</p>
          </div>
        ) : (
          <ul className="space-y-4">
            {keys.map((k) => (
              <li key={k.id} className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-4">
                  <div>
                    <h3 className="text-xl font-semibold">{k.name}</h3>
                    <p className="font-mono text-base text-stone-600">{k.prefix}…</p>
                  </div>
                  <p
                    className={`rounded-full px-3 py-1 text-base font-semibold ${k.status === "active" ? "bg-teal-50 text-teal-900" : "bg-stone-100 text-stone-700"}`}
                  >
                    {k.statusText}
                  </p>
                </div>
                <dl className="mt-4 grid gap-x-6 gap-y-2 text-base sm:grid-cols-2">
                  <div>
                    <dt className="inline font-semibold">{t("terms.scopes")} </dt>
                    <dd className="inline">{scopeList(k.scopes)}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">{t("terms.created")} </dt>
                    <dd className="inline">{k.created}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">{t("terms.lastUsed")} </dt>
                    <dd className="inline">{k.lastUsed}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">{t("terms.expires")} </dt>
                    <dd className="inline">{k.expires}</dd>
                  </div>
                </dl>
                {k.status === "active" && (
                  <div className="mt-4 flex flex-wrap gap-3 border-t border-stone-200 pt-4">
                    <form action={formAction}>
                      <input type="hidden" name="intent" value="rotate" />
                      <input type="hidden" name="id" value={k.id} />
                      <button type="submit" className={buttonClasses("secondary")} aria-label={t("rotateLabel", { name: k.name })}>
                        {t("rotate")}
                      </button>
                    </form>
                    <Link href={`/settings/api-keys?revoke=${k.id}`} className={buttonClasses("danger-quiet")} aria-label={t("revokeLabel", { name: k.name })}>
                      {t("revoke")}
                    </Link>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="create-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h2 id="create-heading" className="text-2xl font-semibold">
          {t("createHeading")}
        </h2>
        <form key={state.attempt} action={formAction} noValidate className="space-y-6">
          <input type="hidden" name="intent" value="create" />
          <ErrorSummary message={Object.keys(e).length ? state.message : undefined} fieldErrors={e} labels={LABELS} attempt={state.attempt} />
          <TextField name="name" label={LABELS.name} hint={t("nameHint")} autoComplete="off" defaultValue={v.name} error={e.name} className="sm:max-w-md" />
          <fieldset
            id="field-scopes"
            tabIndex={-1}
            className={e.scopes ? "border-l-4 border-red-700 pl-4" : ""}
            aria-describedby={e.scopes ? "field-scopes-error" : undefined}
          >
            <legend className="font-semibold">{LABELS.scopes}</legend>
            {e.scopes && (
              <p id="field-scopes-error" className="mt-1 text-base font-semibold text-red-700">
                <span className="sr-only">{tForms("error")} </span>
                {e.scopes}
              </p>
            )}
            <div className="mt-2 space-y-1">
              <CheckboxField id="scope-read" name="scopes" value="read" label={t("read")} hint={t("readHint")} defaultChecked={scopes.includes("read")} />
              <CheckboxField id="scope-write" name="scopes" value="write" label={t("write")} hint={t("writeHint")} defaultChecked={scopes.includes("write")} />
            </div>
          </fieldset>
          <SelectField
            name="expires_in_days"
            label={LABELS.expires_in_days}
            options={EXPIRY.map((o) => ({ value: o.value, label: t(`expiry.${o.key}`) }))}
            defaultValue={v.expires_in_days ?? ""}
            error={e.expires_in_days}
            className="sm:max-w-xs"
          />
          <SubmitButton pendingText={t("creating")}>{t("create")}</SubmitButton>
        </form>
      </section>
    </div>
  );
}
