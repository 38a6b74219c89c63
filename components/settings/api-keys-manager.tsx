"use client";

import { useActionState } from "react";
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

const LABELS = { name: "Key name", scopes: "What the key may do", expires_in_days: "Expires" };

const EXPIRY = [
  { value: "", label: "Never" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
];

/**
 * The caregiver's API keys: the list with rotate and revoke, and the create form. A new key (created or
 * rotated) is shown once, here, with a copy button; it is never stored anywhere it could be shown again.
 */
export function ApiKeysManager({ action, keys }: { action: (prev: ApiKeyFormState, form: FormData) => Promise<ApiKeyFormState>; keys: ApiKeyRow[] }) {
  const [state, formAction] = useActionState(action, initialFormState as ApiKeyFormState);
  const v = state.values;
  const e = state.fieldErrors;
  const scopes = state.attempt > 0 && !state.created && v.scopes !== undefined ? v.scopes.split(",") : ["read", "write"];
  return (
    <div className="space-y-8">
      {state.created && (
        <div role="status" className="space-y-4 rounded-xl border-l-4 border-teal-700 bg-teal-50 p-6 text-teal-950">
          <p className="text-xl font-semibold">
            {state.created.rotated ? `“${state.created.name}” has a new key.` : `API key “${state.created.name}” created.`}
          </p>
          <p>
            Copy it now and keep it somewhere safe: <strong>this is the only time it is shown.</strong>
            {state.created.rotated && " The old key keeps working for 24 hours, so you can switch over."}
          </p>
          <CopySecret id="new-api-key" label="Your new API key" value={state.created.key} />
        </div>
      )}
      {state.message && !Object.keys(e).length && <Notice tone="error" role="alert" title={state.message} />}

      <section aria-labelledby="keys-heading" className="space-y-4">
        <h2 id="keys-heading" className="text-2xl font-semibold">
          Your keys
        </h2>
        {keys.length === 0 ? (
          <div className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-10 text-center">
            <p className="text-xl font-semibold">No API keys yet.</p>
            <p className="mt-2 text-stone-700">Create one below when another program needs to read or change data in Elda for you.</p>
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
                    <dt className="inline font-semibold">Scopes: </dt>
                    <dd className="inline">{k.scopes.join(" and ")}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">Created: </dt>
                    <dd className="inline">{k.created}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">Last used: </dt>
                    <dd className="inline">{k.lastUsed}</dd>
                  </div>
                  <div>
                    <dt className="inline font-semibold">Expires: </dt>
                    <dd className="inline">{k.expires}</dd>
                  </div>
                </dl>
                {k.status === "active" && (
                  <div className="mt-4 flex flex-wrap gap-3 border-t border-stone-200 pt-4">
                    <form action={formAction}>
                      <input type="hidden" name="intent" value="rotate" />
                      <input type="hidden" name="id" value={k.id} />
                      <button type="submit" className={buttonClasses("secondary")} aria-label={`Rotate ${k.name}`}>
                        Rotate
                      </button>
                    </form>
                    <Link href={`/settings/api-keys?revoke=${k.id}`} className={buttonClasses("danger-quiet")} aria-label={`Revoke ${k.name}`}>
                      Revoke
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
          Create an API key
        </h2>
        <form key={state.attempt} action={formAction} noValidate className="space-y-6">
          <input type="hidden" name="intent" value="create" />
          <ErrorSummary message={Object.keys(e).length ? state.message : undefined} fieldErrors={e} labels={LABELS} attempt={state.attempt} />
          <TextField
            name="name"
            label={LABELS.name}
            hint="So you recognise it later, for example “Family calendar sync”."
            autoComplete="off"
            defaultValue={v.name}
            error={e.name}
            className="sm:max-w-md"
          />
          <fieldset
            id="field-scopes"
            tabIndex={-1}
            className={e.scopes ? "border-l-4 border-red-700 pl-4" : ""}
            aria-describedby={e.scopes ? "field-scopes-error" : undefined}
          >
            <legend className="font-semibold">{LABELS.scopes}</legend>
            {e.scopes && (
              <p id="field-scopes-error" className="mt-1 text-base font-semibold text-red-700">
                <span className="sr-only">Error: </span>
                {e.scopes}
              </p>
            )}
            <div className="mt-2 space-y-1">
              <CheckboxField
                id="scope-read"
                name="scopes"
                value="read"
                label="Read"
                hint="See patients, alerts and reports."
                defaultChecked={scopes.includes("read")}
              />
              <CheckboxField
                id="scope-write"
                name="scopes"
                value="write"
                label="Write"
                hint="Change things, like acknowledging alerts."
                defaultChecked={scopes.includes("write")}
              />
            </div>
          </fieldset>
          <SelectField
            name="expires_in_days"
            label={LABELS.expires_in_days}
            options={EXPIRY}
            defaultValue={v.expires_in_days ?? ""}
            error={e.expires_in_days}
            className="sm:max-w-xs"
          />
          <SubmitButton pendingText="Creating…">Create API key</SubmitButton>
        </form>
      </section>
    </div>
  );
}
