import type { Locale } from "@/lib/i18n/locales";
import { formatWords, intlTag } from "@/lib/i18n/formats";
import type { Granularity } from "./schemas";

/** Words and numbers for the reports pages in the caregiver's language (`locale`, English by default). */

export const percent = (rate: number | null, locale: Locale = "en") =>
  rate === null ? formatWords(locale)("noData") : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(rate);

/** A count or score by locale: "1,234" / "12.345", "-0.5" / "-0,5"; null is a dash. */
export const number = (n: number | null, locale: Locale = "en", maximumFractionDigits = 2) =>
  n === null ? "—" : new Intl.NumberFormat(locale, { maximumFractionDigits }).format(n);

export const previousLabel = (days: number, locale: Locale = "en") => formatWords(locale)("previous", { days });

/** "up 5 points from the previous 30 days" */
export function pointsChange(points: number | null, days: number, locale: Locale = "en"): string {
  const t = formatWords(locale);
  const previous = previousLabel(days, locale);
  if (points === null) return t("pointsNone", { previous });
  if (points === 0) return t("pointsSame", { previous });
  const n = Math.abs(points);
  return t(points > 0 ? "pointsUp" : "pointsDown", { count: Number(n.toFixed(1)), previous });
}

/** "3 more than the previous 30 days" */
export function countChange(delta: number, days: number, locale: Locale = "en"): string {
  const t = formatWords(locale);
  const previous = previousLabel(days, locale);
  if (delta === 0) return t("countSame", { previous });
  return t(delta > 0 ? "countMore" : "countFewer", { count: Math.abs(delta), previous });
}

/** "45 min", "2 h 5 min", "3 days 4 h" */
export function duration(minutes: number | null, locale: Locale = "en"): string {
  const t = formatWords(locale);
  if (minutes === null) return t("noData");
  const m = Math.round(minutes);
  if (m < 60) return t("minutes", { minutes: m });
  if (m < 24 * 60) return m % 60 ? t("hoursMinutes", { hours: Math.floor(m / 60), minutes: m % 60 }) : t("hours", { hours: m / 60 });
  const days = Math.floor(m / (24 * 60));
  const hours = Math.floor((m % (24 * 60)) / 60);
  return hours ? t("daysHours", { days, hours }) : t("days", { days });
}

/** A mean sentiment score (-2 distressed .. 1 positive) in words. */
export function moodLabel(mean: number | null, locale: Locale = "en"): string {
  const t = formatWords(locale);
  if (mean === null) return t("noData");
  if (mean >= 0.5) return t("mood.positive");
  if (mean > -0.5) return t("mood.neutral");
  if (mean > -1.5) return t("mood.concerned");
  return t("mood.distressed");
}

const dateFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intlTag(locale, "en-GB"), { ...options, timeZone: "UTC" });
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A bucket's name on an axis: "5 Apr", "Week of 6 Apr", "Apr 2026". */
export function bucketLabel(start: string, g: Granularity, locale: Locale = "en"): string {
  if (g === "month") return dateFormat(locale, { month: "short", year: "numeric" }).format(d(start));
  const day = dateFormat(locale, { day: "numeric", month: "short" }).format(d(start));
  return g === "week" ? formatWords(locale)("weekOf", { date: day }) : day;
}

/** "4 April 2026 to 6 April 2026" ("del 4 de abril de 2026 al 6 de abril de 2026": it goes inside a sentence) */
export function rangeLabel(from: string, to: string, locale: Locale = "en"): string {
  const long = dateFormat(locale, { day: "numeric", month: "long", year: "numeric" });
  return from === to ? long.format(d(from)) : formatWords(locale)("range", { from: long.format(d(from)), to: long.format(d(to)) });
}

/** "9 AM" (English), "9:00" (Spanish: a 24-hour clock) */
export const hourLabel = (h: number, locale: Locale = "en") => (locale === "en" ? `${h % 12 === 0 ? 12 : h % 12} ${h < 12 ? "AM" : "PM"}` : `${h}:00`);

/** English only ("missed_medication" -> "Missed medication"): a translated page uses the `labels` namespace. */
export const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replaceAll("_", " ");
