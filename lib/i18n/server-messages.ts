import { createTranslator } from "next-intl";
import { z } from "zod";
import en from "@/messages/en/validation.json";
import es from "@/messages/es/validation.json";
import type { Locale } from "./locales";

/**
 * The server's English sentences in the caregiver's language, for dashboard forms only (API error bodies stay
 * English, decision 029). The schemas and domain errors keep writing English; a form's refusal is looked up
 * here by its English text (`validation.messages`, `validation.refusals` and `validation.form` in the
 * catalogues), or, for a sentence with a value in it, by its shape (`validation.patterns`, PATTERNS below), so
 * the `validation` catalogue is the one place their translations live. A sentence not in the catalogue shows
 * as written (English): lib/i18n/server-messages.test.ts fails for a schema or domain sentence missing here.
 */
const catalogues = { en, es } satisfies Record<Locale, typeof en>;
type Group = "form" | "messages" | "refusals";
type PatternKey = keyof typeof en.patterns;
type Values = Record<string, string | number>;

const keyOf = new Map<string, [Group, string]>();
for (const group of ["form", "messages", "refusals"] as const) for (const [key, text] of Object.entries(en[group])) keyOf.set(text, [group, key]);

/** The sentences with a value in them: the English shape, its `validation.patterns` key and the values it carries. */
const PATTERNS: [RegExp, PatternKey, (m: RegExpMatchArray) => Values][] = [
  [/^Use at least (\d+) characters\.$/, "tooShort", (m) => ({ count: Number(m[1]) })],
  [/^Use at most (\d+) characters\.$/, "tooLong", (m) => ({ count: Number(m[1]) })],
  [/^Too many failed sign-in attempts\. Try again in (\d+) minutes?\.$/, "lockedMinutes", (m) => ({ count: Number(m[1]) })],
  [/^Too many failed sign-in attempts\. Wait (\d+) seconds? and try again\.$/, "lockedSeconds", (m) => ({ count: Number(m[1]) })],
  [/^(\w+) not found\.$/, "notFound", (m) => ({ thing: m[1] })],
  [/^Type the organization's name exactly as shown: (.+)$/s, "typeName", (m) => ({ name: m[1] })],
  [/^This invitation was (\w+); send a new one instead\.$/, "invitationWas", (m) => ({ status: m[1] })],
  [/^This invitation is (\w+)\. Ask for a new one\.$/, "invitationIs", (m) => ({ status: m[1] })],
  [/^This transfer is (\w+)\.$/, "transferIs", (m) => ({ status: m[1] })],
  [
    /^(You are|This caregiver is) the only primary caregiver of (.+)\. Make someone else their primary caregiver first, so escalation always has someone to call\.$/s,
    "onlyPrimary",
    (m) => ({ who: m[1] === "You are" ? "you" : "member", names: m[2] }),
  ],
  [
    /^(?:A patient transfer|(\d+) patient transfers) out of this organization (?:is|are) pending\. Wait until the destination accepts or declines it, or it expires, before deleting the organization\.$/,
    "transfersPending",
    (m) => ({ count: m[1] ? Number(m[1]) : 1 }),
  ],
];

const sayPattern = {
  en: createTranslator({ locale: "en", messages: { patterns: en.patterns }, namespace: "patterns" }),
  es: createTranslator({ locale: "es", messages: { patterns: es.patterns }, namespace: "patterns" }),
} satisfies Record<Locale, unknown>;

/** `message` (English, from a schema or a domain error) in `locale`; unchanged when the catalogue has no entry. */
export function translateServerMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const found = keyOf.get(message);
  if (found) {
    const [group, key] = found;
    return (catalogues[locale][group] as Record<string, string>)[key] ?? message;
  }
  for (const [shape, key, values] of PATTERNS) {
    const m = message.match(shape);
    if (m) return (sayPattern[locale] as unknown as (key: PatternKey, values: Values) => string)(key, values(m));
  }
  return message;
}

/** A form state with its message and field errors in `locale` (for the sign-in steps, which build their own). */
export function translateFormState<S extends { message?: string | null; fieldErrors: Record<string, string> }>(state: S, locale: Locale): S {
  if (locale === "en") return state;
  const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).map(([k, v]) => [k, translateServerMessage(v, locale)]));
  return { ...state, message: state.message && translateServerMessage(state.message, locale), fieldErrors };
}

/** A form-wide sentence of the catalogue's `validation.form` group. */
export const formSentence = (key: keyof typeof en.form, locale: Locale) => catalogues[locale].form[key];

const zodLocales = { en: z.locales.en().localeError, es: z.locales.es().localeError } satisfies Record<Locale, unknown>;

/**
 * zod's own messages (a too-long name, a wrong choice) in `locale`, for a form's parse: `schema.safeParse(x,
 * formParseOptions(locale))`. A schema's custom message still wins (zod's order) and is translated after by
 * translateServerMessage. A missing value reads "Required." as the API says it.
 */
export function formParseOptions(locale: Locale): { error: z.core.$ZodErrorMap } {
  return {
    error: (issue) => {
      if (issue.code === "invalid_type" && issue.input === undefined) return formSentence("required", locale);
      return zodLocales[locale](issue);
    },
  };
}
