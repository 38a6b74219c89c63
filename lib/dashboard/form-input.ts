/**
 * Turning a dashboard form's text fields into the input the API's zod schemas take (the schemas then decide;
 * nothing here validates what they already check). Pure functions, shared by the server actions.
 */
import { NotFound } from "@/lib/api/errors";
import { uuid } from "@/lib/validation/common";
import type { FieldIssue } from "./form-state";

/** An optional text box: empty means "none" (null), for PATCH semantics that clear a field. */
export const textOrNull = (v: string): string | null => (v === "" ? null : v);

/** A list typed one item per line or separated by commas; blanks dropped, each trimmed. */
export const listFromText = (v: string): string[] =>
  v
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** What a list field shows when the form is put back (one item per line). */
export const listToText = (items: string[]): string => items.join("\n");

/**
 * A whole number typed in a box: empty gives `undefined` (or null when `empty` says so), a number gives the
 * number, anything else is a problem for that field (zod would only say "expected number").
 */
export function wholeNumber(field: string, v: string, problems: FieldIssue[], empty: null | undefined = undefined): number | null | undefined {
  if (v === "") return empty;
  if (!/^-?\d+$/.test(v)) {
    problems.push({ field, message: "Enter a whole number." });
    return empty;
  }
  return Number(v);
}

/** "8:00, 20:30" -> ["08:00", "20:30"]; an hour of one digit gets its leading zero, the schema checks the rest. */
export const timesFromText = (v: string): string[] => listFromText(v.replace(/\s+/g, ",")).map((t) => (/^\d:\d\d$/.test(t) ? `0${t}` : t));

/** Field errors keyed by their first path segment ("times_of_day.1" -> "times_of_day"), first one kept: one box per field. */
export function topLevelErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const key = field.split(".")[0];
    if (!(key in out)) out[key] = message;
  }
  return out;
}

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
export function scheduleInputFromForm(form: FormData, values: Record<(typeof SCHEDULE_FIELDS)[number], string>) {
  const problems: FieldIssue[] = [];
  const days = form
    .getAll("days_of_week")
    .map(String)
    .filter((d) => /^[1-7]$/.test(d))
    .map(Number);
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
  return { input, days, problems };
}

/** ISO weekday numbers in words: [1, 3, 5] -> "Monday, Wednesday and Friday". */
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
export const weekdayName = (d: number) => WEEKDAYS[d - 1] ?? String(d);

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** A schedule's recurrence in words, as a caregiver would say it. */
export function recurrenceInWords(s: {
  recurrence: string;
  days_of_week: number[];
  interval_days: number | null;
  start_date: string;
  end_date: string | null;
}): string {
  const base =
    s.recurrence === "daily"
      ? "Every day"
      : s.recurrence === "weekly"
        ? [...s.days_of_week].sort().join() === "1,2,3,4,5"
          ? "Every weekday"
          : `Every ${joinWords([...s.days_of_week].sort().map(weekdayName))}`
        : s.recurrence === "interval"
          ? `Every ${s.interval_days} days`
          : `Once, on ${s.start_date}`;
  return s.recurrence !== "once" && s.end_date ? `${base}, until ${s.end_date}` : base;
}

/** "08:00" -> "8:00 AM" (the times a schedule fires, in the patient's own zone). */
export function clockTime(hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number);
  return `${h % 12 || 12}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

/**
 * The id of the thing a form acts on (a hidden field): a UUID, or the thing is "not found", as the API says
 * for a malformed id; never handed to the database unchecked.
 */
export function idFrom(value: string, thing: string): string {
  if (!uuid.safeParse(value).success) throw new NotFound(thing);
  return value;
}
