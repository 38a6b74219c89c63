import type { Locale } from "@/lib/i18n/locales";
import { formatWords, intlTag } from "@/lib/i18n/formats";

/** Display formats for the dashboard in the caregiver's language (`locale`, English by default). */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = { en: new Intl.RelativeTimeFormat("en", { numeric: "auto" }), es: new Intl.RelativeTimeFormat("es", { numeric: "auto" }) };

/** "just now", "5 minutes ago", "yesterday", "3 days ago"; then a date. Null means it never happened. */
export function timeAgo(iso: string | null, now: Date, timeZone = "UTC", locale: Locale = "en"): string {
  const t = formatWords(locale);
  if (!iso) return t("never");
  const then = new Date(iso);
  const diff = now.getTime() - then.getTime();
  if (diff < MINUTE) return t("justNow");
  if (diff < HOUR) return relative[locale].format(-Math.floor(diff / MINUTE), "minute");
  if (diff < DAY) return relative[locale].format(-Math.floor(diff / HOUR), "hour");
  if (diff < 7 * DAY) return relative[locale].format(-Math.floor(diff / DAY), "day");
  return t("onDate", { date: formatDate(then, timeZone, locale) });
}

/** "15 May 1945" ("15 de mayo de 1945"). Dates of birth are calendar dates: format them in UTC. */
export function formatDate(date: Date | string, timeZone = "UTC", locale: Locale = "en"): string {
  const d = typeof date === "string" ? new Date(date.length === 10 ? `${date}T00:00:00Z` : date) : date;
  return new Intl.DateTimeFormat(intlTag(locale, "en-GB"), { day: "numeric", month: "long", year: "numeric", timeZone }).format(d);
}

/** "Tuesday 3:04 PM" ("martes, 15:04") in the given zone: what the clock says where the patient lives. */
export function localTime(now: Date, timeZone: string, locale: Locale = "en"): string {
  return new Intl.DateTimeFormat(intlTag(locale, "en-US"), { weekday: "long", hour: "numeric", minute: "2-digit", timeZone }).format(now);
}

export function formatDateTime(iso: string, timeZone: string, locale: Locale = "en"): string {
  return new Intl.DateTimeFormat(intlTag(locale, "en-US"), { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

/** English only: a translated page says counts with an ICU plural in its catalogue instead. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The end of a monitoring pause where the patient lives: "Tue, Feb 10" when it ends at midnight (monitoring
 * starts again that day), "Tue, Feb 10, 3:00 PM" otherwise.
 */
export function pauseEnd(iso: string, timeZone: string, locale: Locale = "en"): string {
  const d = new Date(iso);
  const tag = intlTag(locale, "en-US");
  const day = new Intl.DateTimeFormat(tag, { weekday: "short", month: "short", day: "numeric", timeZone }).format(d);
  const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(d);
  if (clock === "00:00") return day;
  return `${day}, ${new Intl.DateTimeFormat(tag, { hour: "numeric", minute: "2-digit", timeZone }).format(d)}`;
}
