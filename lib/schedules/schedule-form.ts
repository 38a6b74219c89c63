/**
 * The schedule form and the schedule schemas' input, field for field; and a schedule in words for the lists.
 * Pure functions: the routine pages' server actions and components share them.
 */
import { listFromText, textOrNull, wholeNumber } from "@/lib/dashboard/form-input";
import type { Locale } from "@/lib/i18n/locales";
import type { FieldIssue } from "@/lib/dashboard/form-state";

/** "8:00, 20:30" -> ["08:00", "20:30"]; an hour of one digit gets its leading zero, the schema checks the rest. */
export const timesFromText = (v: string): string[] => listFromText(v.replace(/\s+/g, ",")).map((t) => (/^\d:\d\d$/.test(t) ? `0${t}` : t));

export const SCHEDULE_FIELDS = [
  "type",
  "title",
  "instructions",
  "medication_name",
  "dosage",
  "recurrence",
  "interval_days",
  "times_of_day",
  "start_date",
  "end_date",
  "advance_notice_minutes",
] as const;

/**
 * A schedule form as the schedule schemas' input: every field sent (an edit replaces the schedule's fields
 * with what the form shows), fields that do not apply to the chosen recurrence or type cleared.
 */
export function scheduleInputFromForm(form: FormData, values: Record<(typeof SCHEDULE_FIELDS)[number], string>, problems: FieldIssue[]) {
  const days = checkedDays(form);
  const medication = values.type === "medication";
  const input: Record<string, unknown> = {
    type: values.type,
    title: values.title,
    instructions: textOrNull(values.instructions),
    medication_name: medication ? textOrNull(values.medication_name) : null,
    dosage: medication ? textOrNull(values.dosage) : null,
    recurrence: values.recurrence,
    days_of_week: values.recurrence === "weekly" ? days : [],
    interval_days: values.recurrence === "interval" ? wholeNumber("interval_days", values.interval_days, problems, null) : null,
    times_of_day: timesFromText(values.times_of_day),
    end_date: values.recurrence === "once" ? null : textOrNull(values.end_date),
    alert_on_miss: form.get("alert_on_miss") === "on",
  };
  if (values.start_date) input.start_date = values.start_date;
  const notice = wholeNumber("advance_notice_minutes", values.advance_notice_minutes, problems);
  if (notice !== undefined) input.advance_notice_minutes = notice;
  return input;
}

/** The weekdays ticked on the form (ISO numbers; anything else dropped). */
export const checkedDays = (form: FormData): number[] =>
  form
    .getAll("days_of_week")
    .map(String)
    .filter((d) => /^[1-7]$/.test(d))
    .map(Number);

/** The words of `routine.recurrence` in the caregiver's language (a next-intl translator for that namespace). */
export type RecurrenceWords = (
  key: "daily" | "weekdays" | "weekly" | "interval" | "once" | "until" | "and" | `day${1 | 2 | 3 | 4 | 5 | 6 | 7}`,
  values?: Record<string, string | number>,
) => string;

/** ISO weekday numbers in words: [1, 3, 5] -> "Monday, Wednesday and Friday". */
function dayList(days: number[], t: RecurrenceWords): string {
  const words = [...days].sort().map((d) => (d >= 1 && d <= 7 ? t(`day${d as 1 | 2 | 3 | 4 | 5 | 6 | 7}`) : String(d)));
  return words.length <= 1 ? (words[0] ?? "") : t("and", { first: words.slice(0, -1).join(", "), last: words.at(-1)! });
}

/** A schedule's recurrence in words, as a caregiver would say it, in their language. */
export function recurrenceInWords(
  s: {
    recurrence: string;
    days_of_week: number[];
    interval_days: number | null;
    start_date: string;
    end_date: string | null;
  },
  t: RecurrenceWords,
): string {
  const base =
    s.recurrence === "daily"
      ? t("daily")
      : s.recurrence === "weekly"
        ? [...s.days_of_week].sort().join() === "1,2,3,4,5"
          ? t("weekdays")
          : t("weekly", { days: dayList(s.days_of_week, t) })
        : s.recurrence === "interval"
          ? t("interval", { count: s.interval_days ?? 0 })
          : t("once", { date: s.start_date });
  return s.recurrence !== "once" && s.end_date ? t("until", { base, date: s.end_date }) : base;
}

/** "08:00" -> "8:00 AM" in English, "8:00" in Spanish (the times a schedule fires, in the patient's own zone). */
export function clockTime(hhmm: string, locale: Locale = "en"): string {
  const [h, m] = hhmm.split(":").map(Number);
  if (locale !== "en") return `${h}:${String(m).padStart(2, "0")}`;
  return `${h % 12 || 12}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}
