/**
 * What a dashboard form's server action hands back to the page: a message for the whole form, errors per
 * field (keyed by the schema's field name), the values to put back in the fields, and a counter that changes
 * with every failed attempt (forms remount on it, so the echoed values show and focus moves to the summary).
 * Pure data and functions: imported by server actions and by the client form components alike.
 */
export interface FormState {
  message?: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  attempt: number;
}

export const initialFormState: FormState = { fieldErrors: {}, values: {}, attempt: 0 };

export interface FieldIssue {
  field: string;
  message: string;
}

/** First message per field, in the order the issues came. */
export function fieldErrorMap(issues: FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of issues) {
    const key = field || "form";
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/** The text fields of a submitted form, trimmed at the edges, only the ones named. */
export function readFields<K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const name of names) {
    const v = form.get(name);
    out[name] = typeof v === "string" ? v.trim() : "";
  }
  return out;
}
