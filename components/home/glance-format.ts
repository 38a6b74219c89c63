import type { Locale } from "@/lib/i18n/locales";
import { intlTag } from "@/lib/i18n/formats";

/** Display formats for the home page's rows (pure: rendered on the server first, then by the live island). */

const ymd = (d: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(d);

/**
 * When a reminder is due, the time where the patient lives, in parts the caller words in the caregiver's
 * language: `today` / `tomorrow` with the time, else `day` ("Fri, Jan 16") and the time.
 */
export function whenLocalParts(
  iso: string,
  now: Date,
  timeZone: string,
  locale: Locale = "en",
): { key: "today" | "tomorrow" | "day"; time: string; day: string } {
  const at = new Date(iso);
  const tag = intlTag(locale, "en-US");
  const time = new Intl.DateTimeFormat(tag, { hour: "numeric", minute: "2-digit", timeZone }).format(at);
  const day = new Intl.DateTimeFormat(tag, { weekday: "short", month: "short", day: "numeric", timeZone }).format(at);
  const ymdAt = ymd(at, timeZone);
  if (ymdAt === ymd(now, timeZone)) return { key: "today", time, day };
  if (ymdAt === ymd(new Date(now.getTime() + 86_400_000), timeZone)) return { key: "tomorrow", time, day };
  return { key: "day", time, day };
}

/** "today at 8:30 AM", "tomorrow at 8:00 AM", "Fri, Jan 16 at 8:00 AM" (English). */
export function whenLocal(iso: string, now: Date, timeZone: string): string {
  const { key, time, day } = whenLocalParts(iso, now, timeZone);
  return key === "today" ? `today at ${time}` : key === "tomorrow" ? `tomorrow at ${time}` : `${day} at ${time}`;
}

const SEVERITIES = ["critical", "high", "medium", "low"] as const;
type Severity = (typeof SEVERITIES)[number];

/**
 * "1 critical, 2 high" (severities with none left out); `word` says one severity's count in the caregiver's
 * language (English by default).
 */
export function severityCounts(counts: Record<Severity, number>, word: (severity: Severity, count: number) => string = (s, n) => `${n} ${s}`): string {
  return SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => word(s, counts[s]))
    .join(", ");
}
