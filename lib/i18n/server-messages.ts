import { z } from "zod";
import en from "@/messages/en/validation.json";
import es from "@/messages/es/validation.json";
import type { Locale } from "./locales";

/**
 * The server's English sentences in the caregiver's language, for dashboard forms only (API error bodies stay
 * English, decision 029). The schemas and domain errors keep writing English; a form's refusal is looked up
 * here by its English text (`validation.messages` and `validation.refusals` in the catalogues), so the
 * Spanish catalogue is the one place their translations live. A sentence not in the catalogue shows as
 * written (English): lib/i18n/server-messages.test.ts fails for a schema message missing here.
 */
const catalogues = { en, es } satisfies Record<Locale, typeof en>;
type Group = "form" | "messages" | "refusals";

const keyOf = new Map<string, [Group, string]>();
for (const group of ["form", "messages", "refusals"] as const) for (const [key, text] of Object.entries(en[group])) keyOf.set(text, [group, key]);

/** `message` (English, from a schema or a domain error) in `locale`; unchanged when the catalogue has no entry. */
export function translateServerMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const found = keyOf.get(message);
  if (!found) return message;
  const [group, key] = found;
  return (catalogues[locale][group] as Record<string, string>)[key] ?? message;
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
