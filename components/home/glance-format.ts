/** Display formats for the home page's rows (pure: rendered on the server first, then by the live island). */

const ymd = (d: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(d);

/** "today at 8:30 AM", "tomorrow at 8:00 AM", "Fri, Jan 16 at 8:00 AM": the time where the patient lives. */
export function whenLocal(iso: string, now: Date, timeZone: string): string {
  const at = new Date(iso);
  const time = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone }).format(at);
  const day = ymd(at, timeZone);
  if (day === ymd(now, timeZone)) return `today at ${time}`;
  if (day === ymd(new Date(now.getTime() + 86_400_000), timeZone)) return `tomorrow at ${time}`;
  return `${new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone }).format(at)} at ${time}`;
}

/** "1 critical, 2 high" (severities with none left out). */
export function severityCounts(counts: Record<"critical" | "high" | "medium" | "low", number>): string {
  return (["critical", "high", "medium", "low"] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(", ");
}
