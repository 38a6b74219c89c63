/**
 * Turning a dashboard form's text fields into the input the API's zod schemas take (the schemas then decide;
 * nothing here validates what they already check). Pure functions, shared by the server actions.
 */
import type { FieldIssue } from "./form-state";

/** An optional text box: empty means "none" (null), for PATCH semantics that clear a field. */
export const textOrNull = (v: string): string | null => (v === "" ? null : v);

/** A list typed one item per line or separated by commas; blanks dropped, each trimmed. */
export const listFromText = (v: string): string[] =>
  v
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** What a list field shows when the form is put back (one item per line). */
export const listToText = (items: string[]): string => items.join("\n");

/**
 * A whole number typed in a box: empty gives `undefined` (or null when `empty` says so), a number gives the
 * number, anything else is a problem for that field (zod would only say "expected number").
 */
export function wholeNumber(field: string, v: string, problems: FieldIssue[], empty: null | undefined = undefined): number | null | undefined {
  if (v === "") return empty;
  if (!/^-?\d+$/.test(v)) {
    problems.push({ field, message: "Enter a whole number." });
    return empty;
  }
  return Number(v);
}
