"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

export interface SimpleField {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  defaultValue?: string;
  autoComplete?: string;
}

/**
 * A form of a few text fields (a name, an address) posted to a server action: the error summary, each refusal
 * beside its field and the values typed kept after a refusal. `idPrefix` keeps ids unique when a page shows
 * several (one per facility).
 */
export function SimpleForm({
  action,
  hidden = {},
  fields,
  submit,
  pendingText,
  idPrefix,
  inline = false,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  hidden?: Record<string, string>;
  fields: SimpleField[];
  submit: string;
  pendingText: string;
  idPrefix: string;
  inline?: boolean;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const idFor = (f: string) => `${idPrefix}-${f}`;
  return (
    <form key={state.attempt} action={formAction} noValidate className={inline ? "flex flex-wrap items-end gap-4" : "space-y-6"}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {(state.message || Object.keys(state.fieldErrors).length > 0) && (
        <div className={inline ? "w-full" : undefined}>
          <ErrorSummary
            message={state.message}
            fieldErrors={state.fieldErrors}
            labels={Object.fromEntries(fields.map((f) => [f.name, f.label]))}
            attempt={state.attempt}
            idFor={idFor}
          />
        </div>
      )}
      {fields.map((f) => (
        <div key={f.name} className={inline ? "min-w-48 flex-1" : undefined}>
          <TextField
            id={idFor(f.name)}
            name={f.name}
            label={f.label}
            hint={f.hint}
            optional={f.optional}
            autoComplete={f.autoComplete ?? "off"}
            defaultValue={state.values[f.name] ?? f.defaultValue}
            error={state.fieldErrors[f.name]}
            className="sm:max-w-md"
          />
        </div>
      ))}
      <SubmitButton pendingText={pendingText}>{submit}</SubmitButton>
    </form>
  );
}
