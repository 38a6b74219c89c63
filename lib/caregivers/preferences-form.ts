import type { Preferences } from "./schemas";

/**
 * The notification-preferences form and the `preferences` schema, field for field. Each form field is
 * named by its path in the schema ("quiet_hours.start"), so the schema's errors land on the right field.
 * Checkboxes send "on" when ticked and nothing when not.
 */
export const PREFERENCE_FIELDS = [
  "notifications.email",
  "notifications.sms",
  "notifications.push",
  "alert_threshold",
  "quiet_hours.enabled",
  "quiet_hours.start",
  "quiet_hours.end",
  "daily_summary_time",
] as const;
export type PreferenceField = (typeof PREFERENCE_FIELDS)[number];
export type PreferenceValues = Record<PreferenceField, string>;

const on = (v: string | undefined) => v === "on" || v === "true";

/** The submitted fields as the document the API's `preferences` schema checks (not yet validated). */
export function preferencesFromForm(v: PreferenceValues): Record<string, unknown> {
  return {
    notifications: { email: on(v["notifications.email"]), sms: on(v["notifications.sms"]), push: on(v["notifications.push"]) },
    alert_threshold: v.alert_threshold,
    quiet_hours: { enabled: on(v["quiet_hours.enabled"]), start: v["quiet_hours.start"], end: v["quiet_hours.end"] },
    daily_summary_time: v.daily_summary_time,
  };
}

/** Saved preferences as form values (the inverse of `preferencesFromForm`; unticked boxes are ""). */
export function preferencesToForm(p: Preferences): PreferenceValues {
  const box = (b: boolean) => (b ? "on" : "");
  return {
    "notifications.email": box(p.notifications.email),
    "notifications.sms": box(p.notifications.sms),
    "notifications.push": box(p.notifications.push),
    alert_threshold: p.alert_threshold,
    "quiet_hours.enabled": box(p.quiet_hours.enabled),
    "quiet_hours.start": p.quiet_hours.start,
    "quiet_hours.end": p.quiet_hours.end,
    daily_summary_time: p.daily_summary_time,
  };
}
