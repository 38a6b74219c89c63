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

interface LocalDay {
  iso: string;
  weekday: number;
  /** days since 1970-01-01 (for every-N-days arithmetic) */
  ordinal: number;
  year: number;
  month: number;
  day: number;
}

const EPOCH = Date.UTC(1970, 0, 1);
const ordinalOf = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - EPOCH) / 86_400_000);

function appliesOn(rule: RecurrenceRule, d: LocalDay): boolean {
  if (d.iso < rule.startDate) return false;
  if (rule.endDate && d.iso > rule.endDate) return false;
  switch (rule.recurrence) {
    case "daily":
      return true;
    case "weekly":
      return rule.daysOfWeek.includes(d.weekday);
    case "interval":
      return (d.ordinal - ordinalOf(rule.startDate)) % (rule.intervalDays ?? 1) === 0;
    case "once":
      return d.iso === rule.startDate;
  }
}

/**
 * Work shared by many schedules in one run (the generation sweep reads thousands of schedules in a handful
 * of zones): the local days of a window per zone, and the instant of a local date and time per zone.
 */
export class RecurrenceCache {
  private days = new Map<string, LocalDay[]>();
  private instants = new Map<string, Date>();

  localDays(zone: string, from: Date, to: Date): LocalDay[] {
    const key = `${zone}|${from.getTime()}|${to.getTime()}`;
    let out = this.days.get(key);
    if (!out) {
      out = [];
      const first = DateTime.fromJSDate(from, { zone }).startOf("day").minus({ days: 1 });
      const last = DateTime.fromJSDate(to, { zone }).startOf("day").plus({ days: 1 });
      for (let d = first; d <= last; d = d.plus({ days: 1 })) {
        const iso = d.toISODate()!;
        out.push({ iso, weekday: d.weekday, ordinal: ordinalOf(iso), year: d.year, month: d.month, day: d.day });
      }
      this.days.set(key, out);
    }
    return out;
  }

  instant(zone: string, d: LocalDay, time: string): Date {
    const key = `${zone}|${d.iso}|${time}`;
    let at = this.instants.get(key);
    if (!at) {
      const [hour, minute] = time.split(":").map(Number);
      let local = DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour, minute }, { zone });
      // a wall-clock time that happens twice (fall back): luxon gives the second; take the first
      const hourEarlier = local.minus({ hours: 1 });
      if (hourEarlier.hour === hour && hourEarlier.minute === minute && hourEarlier.day === d.day) local = hourEarlier;
      at = local.toJSDate();
      this.instants.set(key, at);
    }
    return at;
  }
}

/** Every occurrence whose instant falls in [from, to), earliest first. */
export function occurrencesBetween(rule: RecurrenceRule, zone: string, from: Date, to: Date, cache = new RecurrenceCache()): Occurrence[] {
  const out: Occurrence[] = [];
  const times = [...new Set(rule.timesOfDay)].sort();
  for (const d of cache.localDays(zone, from, to)) {
    if (!appliesOn(rule, d)) continue;
    for (const t of times) {
      const at = cache.instant(zone, d, t);
      if (at >= from && at < to) out.push({ localDate: d.iso, localTime: t, at });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** "Today" for a patient: the local calendar date of `now` in their zone. */
export function localToday(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}
