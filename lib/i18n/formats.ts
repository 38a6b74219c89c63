import { createTranslator } from "next-intl";
import en from "@/messages/en/formats.json";
import es from "@/messages/es/formats.json";
import type { Locale } from "./locales";

/**
 * The words of the pure format helpers (lib/dashboard/format.ts, lib/analytics/format.ts): "just now", "the
 * previous 30 days". Synchronous and usable anywhere (server or client, no request): both locales' small
 * `formats` namespace are bundled here, the rest of the catalogue is not.
 */
const catalogues = { en, es } satisfies Record<Locale, typeof en>;
const translators = new Map<Locale, ReturnType<typeof make>>();

function make(locale: Locale) {
  return createTranslator({ locale, messages: { formats: catalogues[locale] }, namespace: "formats" });
}

export function formatWords(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = make(locale)));
  return t;
}

/** The Intl tag for a dashboard locale where English keeps its day-month-year dates ("15 May 1945"). */
export const intlTag = (locale: Locale, english: "en-GB" | "en-US") => (locale === "en" ? english : locale);
