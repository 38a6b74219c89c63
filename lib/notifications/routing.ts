import { DateTime } from "luxon";
import type { Preferences } from "@/lib/caregivers/schemas";

/**
 * Who may be told what, and when (SPEC §7), as pure functions of a caregiver's preferences, time zone and
 * the time. Quiet hours are read in the caregiver's zone and may wrap midnight (22:00-07:00).
 */
export type Level = "low" | "medium" | "high" | "critical";
const RANK: Record<Level, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** A caregiver whose threshold is above the alert's severity is not contacted (and escalation skips them). */
export const meetsThreshold = (threshold: Level, severity: Level) => RANK[severity] >= RANK[threshold];

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function inQuietHours(q: Preferences["quiet_hours"], zone: string, now: Date): boolean {
  if (!q.enabled || q.start === q.end) return false;
  const local = DateTime.fromJSDate(now, { zone });
  const m = local.hour * 60 + local.minute;
  const start = minutesOf(q.start);
  const end = minutesOf(q.end);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** When the current quiet hours end (the next local `end` time), or null when not in quiet hours. */
export function quietHoursEnd(q: Preferences["quiet_hours"], zone: string, now: Date): Date | null {
  if (!inQuietHours(q, zone, now)) return null;
  const local = DateTime.fromJSDate(now, { zone });
  const [h, m] = q.end.split(":").map(Number);
  let end = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}

export type Channel = "sms" | "voice" | "web_push" | "email";

/** The channels a caregiver ticked ("push" is Web Push to their browsers). */
export function enabledChannels(prefs: Preferences): Channel[] {
  return (["sms", "push", "email"] as const).filter((c) => prefs.notifications[c]).map((c) => (c === "push" ? "web_push" : c));
}

/** The caregiver's enabled channels; a critical alert also places a voice call. */
export function channelsFor(prefs: Preferences, severity: Level): Channel[] {
  const out = enabledChannels(prefs);
  if (severity === "critical") out.push("voice");
  return out;
}

/**
 * Past the organization's monthly SMS cap (SPEC §8) a message that is not critical goes by push or email
 * instead of SMS: by email when the caregiver has neither (push counts only with a subscribed browser).
 * A critical alert is never held back: its SMS still goes.
 */
export function underSmsCap(channels: Channel[], o: { pastCap: boolean; critical: boolean; hasBrowsers: boolean }): Channel[] {
  if (!o.pastCap || o.critical || !channels.includes("sms")) return channels;
  const out = channels.filter((c) => c !== "sms");
  if (!out.includes("email") && !(out.includes("web_push") && o.hasBrowsers)) out.push("email");
  return out;
}
