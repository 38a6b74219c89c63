import type { Locale } from "@/lib/i18n/locales";

/**
 * A time of day as the patient says it, in their time zone (Intl does the zone; no offsets by hand):
 * "8:00 AM" in English, "8:00" (24-hour) in Spanish.
 */
const FORMATS: Record<Locale, Intl.DateTimeFormatOptions> = {
  en: { hour: "numeric", minute: "2-digit", hour12: true },
  es: { hour: "numeric", minute: "2-digit", hourCycle: "h23" },
};
const TAGS: Record<Locale, string> = { en: "en-US", es: "es" };

export function clockTime(locale: Locale, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], { ...FORMATS[locale], timeZone }).format(at);
}

/** "a las 8:00", "a la 1:30" (Spanish says "la" for one o'clock). */
export function aLas(at: Date, timeZone: string): string {
  const time = clockTime("es", at, timeZone);
  return `${time.startsWith("1:") ? "a la" : "a las"} ${time}`;
}
