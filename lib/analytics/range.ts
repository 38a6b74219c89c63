import { DateTime } from "luxon";
import { ValidationFailed } from "@/lib/api/errors";
import { DEFAULT_RANGE_DAYS, GRANULARITIES as GRANULARITY_VALUES, MAX_RANGE_DAYS, type Granularity, type RangeQuery } from "./schemas";

/** A range of local calendar days (both ends included) and the previous range of the same length. */
export interface DayRange {
  from: string;
  to: string;
  days: number;
  previous: { from: string; to: string; days: number };
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: "UTC" });
const fmt = (d: DateTime) => d.toISODate() as string;

/** Today's date where `timeZone` is (the patient's, or the caregiver's for views across patients). */
export function localToday(now: Date, timeZone: string): string {
  return fmt(DateTime.fromJSDate(now, { zone: timeZone }));
}

/**
 * Resolve `from`/`to` (missing ends: the 30 days up to `today`, or 30 days from `from`) and refuse ranges
 * that end before they start or span more than two years. The previous range ends the day before `from`.
 */
export function resolveRange(q: RangeQuery, today: string): DayRange {
  const to = q.to ?? (q.from ? fmt(DateTime.min(day(q.from).plus({ days: DEFAULT_RANGE_DAYS - 1 }), day(today))) : today);
  const from = q.from ?? fmt(day(to).minus({ days: DEFAULT_RANGE_DAYS - 1 }));
  const days = Math.round(day(to).diff(day(from), "days").days) + 1;
  if (days < 1) throw new ValidationFailed([{ field: "to", message: "The end of the range must be on or after its start." }]);
  if (days > MAX_RANGE_DAYS) throw new ValidationFailed([{ field: "from", message: `Choose a range of at most ${MAX_RANGE_DAYS} days (two years).` }]);
  const prevTo = day(from).minus({ days: 1 });
  return { from, to, days, previous: { from: fmt(prevTo.minus({ days: days - 1 })), to: fmt(prevTo), days } };
}

/** The instants where a local day starts in a zone (daylight saving included), for index-friendly filters. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).startOf("day").toJSDate();
}

/** Instants of a range in a zone: previous start, current start, end (exclusive: the day after `to`). */
export function rangeInstants(r: DayRange, timeZone: string) {
  return {
    previousStart: startOfLocalDay(r.previous.from, timeZone),
    start: startOfLocalDay(r.from, timeZone),
    end: startOfLocalDay(fmt(day(r.to).plus({ days: 1 })), timeZone),
  };
}

/** Every bucket of the range in order (weeks start on Monday, as PostgreSQL's date_trunc), clipped to it. */
export function bucketsOf(r: DayRange, g: Granularity): { key: string; start: string; end: string }[] {
  const unit = g === "day" ? "day" : g === "week" ? "week" : "month";
  const out: { key: string; start: string; end: string }[] = [];
  const last = day(r.to);
  for (let b = day(r.from).startOf(unit); b <= last; b = b.plus({ [`${unit}s`]: 1 })) {
    const end = b.endOf(unit).startOf("day");
    out.push({ key: fmt(b), start: fmt(DateTime.max(b, day(r.from))), end: fmt(DateTime.min(end, last)) });
  }
  return out;
}

/** The periods the reports pages offer (days up to today), besides a custom range. */
export const PRESETS = ["7", "30", "90", "365"] as const;
export type Period = (typeof PRESETS)[number] | "custom";

export interface PageRangeInput {
  period?: string;
  from?: string;
  to?: string;
  granularity?: string;
}
export interface PageRange {
  period: Period;
  query: { from: string; to: string; granularity: Granularity };
  /** what the form shows back (the caregiver's own input when it was refused) */
  values: { from: string; to: string };
  errors: Partial<Record<"from" | "to" | "granularity", string>>;
}

/**
 * The reports pages' GET form (period, from, to, granularity) read the way the API reads its query: a
 * preset is the last N days up to today; a custom range is validated like the API's, and when refused
 * the page shows the errors next to the fields and the last 30 days.
 */
/** the longest range the reports page shows day by day */
export const MAX_DAILY_DAYS = 92;

export function pageRange(input: PageRangeInput, today: string): PageRange {
  const errors: PageRange["errors"] = {};
  const chosen = (GRANULARITY_VALUES as readonly string[]).includes(input.granularity ?? "") ? (input.granularity as Granularity) : null;
  if (input.granularity && !chosen) errors.granularity = "Choose day, week or month.";
  // unless chosen: days up to a month, weeks up to half a year, then months (a readable number of bars)
  const fit = (from: string, to: string): Granularity => {
    const n = resolveRange({ from, to }, today).days;
    const auto: Granularity = n <= 31 ? "day" : n <= 183 ? "week" : "month";
    // a bar a day stops being readable (and the page heavy) past three months; the export still can
    if (chosen === "day" && n > MAX_DAILY_DAYS) {
      errors.granularity = `Group a range longer than ${MAX_DAILY_DAYS} days by week or month. The API and its export can still give one row a day.`;
      return auto;
    }
    return chosen ?? auto;
  };
  const preset = (n: string): PageRange["query"] => {
    const from = fmt(day(today).minus({ days: Number(n) - 1 }));
    return { from, to: today, granularity: fit(from, today) };
  };
  if (input.period === "custom" || (!input.period && (input.from || input.to))) {
    const values = { from: input.from ?? "", to: input.to ?? "" };
    for (const f of ["from", "to"] as const) {
      if (!values[f]) errors[f] = "Enter a date.";
      else if (!DateTime.fromISO(values[f], { zone: "UTC" }).isValid || !/^\d{4}-\d{2}-\d{2}$/.test(values[f])) errors[f] = "Use a date as YYYY-MM-DD.";
    }
    if (!errors.from && !errors.to) {
      try {
        const r = resolveRange(values, today);
        return { period: "custom", query: { from: r.from, to: r.to, granularity: fit(r.from, r.to) }, values, errors };
      } catch (err) {
        for (const e of (err as ValidationFailed).extra.errors ?? []) errors[e.field as "from" | "to"] = e.message;
      }
    }
    return { period: "custom", query: preset("30"), values, errors };
  }
  const period = (PRESETS as readonly string[]).includes(input.period ?? "") ? (input.period as Period) : "30";
  const query = preset(period);
  return { period, query, values: { from: query.from, to: query.to }, errors };
}
