import type { Granularity } from "./schemas";

/** Words and numbers for the reports pages (English, the caregiver's words). */

export const percent = (rate: number | null) => (rate === null ? "No data" : `${Math.round(rate * 100)}%`);

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export const previousLabel = (days: number) => `the previous ${days === 1 ? "day" : `${days} days`}`;

/** "up 5 points from the previous 30 days" */
export function pointsChange(points: number | null, days: number): string {
  if (points === null) return `Nothing to compare with in ${previousLabel(days)}`;
  if (points === 0) return `The same as ${previousLabel(days)}`;
  const n = Math.abs(points);
  return `${points > 0 ? "Up" : "Down"} ${num(n)} ${n === 1 ? "point" : "points"} from ${previousLabel(days)}`;
}

/** "3 more than the previous 30 days" */
export function countChange(delta: number, days: number): string {
  if (delta === 0) return `As many as in ${previousLabel(days)}`;
  return `${Math.abs(delta)} ${delta > 0 ? "more" : "fewer"} than in ${previousLabel(days)}`;
}

/** "45 min", "2 h 5 min", "3 days 4 h" */
export function duration(minutes: number | null): string {
  if (minutes === null) return "No data";
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
  const d = Math.floor(m / (24 * 60));
  const h = Math.floor((m % (24 * 60)) / 60);
  return `${d} ${d === 1 ? "day" : "days"}${h ? ` ${h} h` : ""}`;
}

/** A mean sentiment score (-2 distressed .. 1 positive) in words. */
export function moodLabel(mean: number | null): string {
  if (mean === null) return "No data";
  if (mean >= 0.5) return "Mostly positive";
  if (mean > -0.5) return "Mostly neutral";
  if (mean > -1.5) return "Concerned";
  return "Distressed";
}

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const LONG = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A bucket's name on an axis: "5 Apr", "Week of 6 Apr", "Apr 2026". */
export function bucketLabel(start: string, g: Granularity): string {
  if (g === "month") return MONTH.format(d(start));
  return g === "week" ? `Week of ${DAY.format(d(start))}` : DAY.format(d(start));
}

/** "4 April 2026 to 6 April 2026" */
export const rangeLabel = (from: string, to: string) => (from === to ? LONG.format(d(from)) : `${LONG.format(d(from))} to ${LONG.format(d(to))}`);

/** "9 AM" */
export const hourLabel = (h: number) => `${h % 12 === 0 ? 12 : h % 12} ${h < 12 ? "AM" : "PM"}`;

export const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replaceAll("_", " ");
