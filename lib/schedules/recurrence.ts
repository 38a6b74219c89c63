import { DateTime } from "luxon";

/**
 * When a schedule's reminders fall, computed in the patient's IANA time zone (SPEC §5): "08:00 in Chicago"
 * is 14:00 UTC in January and 13:00 UTC in July. A local time that does not exist on a spring-forward day
 * (02:30 when clocks jump from 02:00 to 03:00) moves forward by the gap (03:30); a time that exists twice on
 * a fall-back day is taken at its first occurrence. Never hand-rolled offsets: luxon reads the zone database.
 */
export interface RecurrenceRule {
  recurrence: "daily" | "weekly" | "interval" | "once";
  /** ISO weekdays, 1 = Monday ... 7 = Sunday (weekly) */
  daysOfWeek: number[];
  /** every N days counted from startDate (interval) */
  intervalDays: number | null;
  /** local wall-clock times "HH:MM" */
  timesOfDay: string[];
  /** local calendar dates "YYYY-MM-DD"; endDate inclusive */
  startDate: string;
  endDate: string | null;
}

export interface Occurrence {
  /** the local calendar day, "YYYY-MM-DD" */
  localDate: string;
  /** the local time of day, "HH:MM" */
  localTime: string;
  /** the instant */
  at: Date;
}

function appliesOn(rule: RecurrenceRule, day: DateTime): boolean {
  const iso = day.toISODate()!;
  if (iso < rule.startDate) return false;
  if (rule.endDate && iso > rule.endDate) return false;
  switch (rule.recurrence) {
    case "daily":
      return true;
    case "weekly":
      return rule.daysOfWeek.includes(day.weekday);
    case "interval": {
      const start = DateTime.fromISO(rule.startDate, { zone: day.zone });
      const days = Math.round(day.startOf("day").diff(start.startOf("day"), "days").days);
      return days % (rule.intervalDays ?? 1) === 0;
    }
    case "once":
      return iso === rule.startDate;
  }
}

/** Every occurrence whose instant falls in [from, to), earliest first. */
export function occurrencesBetween(rule: RecurrenceRule, zone: string, from: Date, to: Date): Occurrence[] {
  const out: Occurrence[] = [];
  const first = DateTime.fromJSDate(from, { zone }).startOf("day").minus({ days: 1 });
  const last = DateTime.fromJSDate(to, { zone }).startOf("day").plus({ days: 1 });
  const times = [...new Set(rule.timesOfDay)].sort();
  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    if (!appliesOn(rule, day)) continue;
    for (const t of times) {
      const [hour, minute] = t.split(":").map(Number);
      let local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
      // a wall-clock time that happens twice (fall back): luxon gives the second; take the first
      const hourEarlier = local.minus({ hours: 1 });
      if (hourEarlier.hour === hour && hourEarlier.minute === minute && hourEarlier.day === day.day) local = hourEarlier;
      const at = local.toJSDate();
      if (at >= from && at < to) out.push({ localDate: day.toISODate()!, localTime: t, at });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** "Today" for a patient: the local calendar date of `now` in their zone. */
export function localToday(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}
