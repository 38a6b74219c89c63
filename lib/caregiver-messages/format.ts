import { DateTime } from "luxon";
import type { CaregiverMessages } from "./types";

/** A moment as the reader reads it: their language, their time zone, with the zone's name ("Jan 15, 2026, 3:00 AM CST"). */
export function formatMoment(m: CaregiverMessages, at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone })
    .setLocale(m.intlLocale)
    .toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: "short" });
}

/** A calendar day (`YYYY-MM-DD`, a summary's local day) written out: "Friday, January 23, 2026", "viernes, 23 de enero de 2026". */
export function formatDay(m: CaregiverMessages, isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: "UTC" }).setLocale(m.intlLocale).toLocaleString(DateTime.DATE_HUGE);
}

/** "Betty, Tom and Ann" / "Betty, Tom y Ann". */
export function formatList(m: CaregiverMessages, items: string[]): string {
  return new Intl.ListFormat(m.intlLocale, { style: "long", type: "conjunction" }).format(items);
}

/** A whole percentage from 0-100: "15%", "15 %". */
export function formatPercent(m: CaregiverMessages, percent: number): string {
  return new Intl.NumberFormat(m.intlLocale, { style: "percent", maximumFractionDigits: 0 }).format(percent / 100);
}
