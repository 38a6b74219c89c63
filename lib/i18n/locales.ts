/**
 * The languages Elda speaks (issue 15, SPEC §2 and §6). Caregivers choose one of these (`caregivers.language`);
 * a patient's `language` may be any tag, and falls back to English when no catalogue exists for it.
 */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The catalogue language for a stored language tag: `es-MX` -> `es`, `fr` -> `en` (the fallback). */
export function localeOf(tag: string | null | undefined): Locale {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}
