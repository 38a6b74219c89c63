import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/api/problem";
import { preferencesFromForm, preferencesToForm, type PreferenceValues } from "./preferences-form";
import { DEFAULT_PREFERENCES, preferences } from "./schemas";

const form = (over: Partial<PreferenceValues> = {}): PreferenceValues => ({ ...preferencesToForm(DEFAULT_PREFERENCES), ...over });

describe("notification preferences form", () => {
  it("round-trips saved preferences through the form and the API's schema", () => {
    const saved = {
      ...DEFAULT_PREFERENCES,
      notifications: { email: false, sms: true, push: true },
      quiet_hours: { enabled: false, start: "21:30", end: "06:45" },
    };
    expect(preferences.parse(preferencesFromForm(preferencesToForm(saved)))).toEqual(saved);
  });

  it("reads an unticked box as off and a ticked one as on", () => {
    const p = preferences.parse(preferencesFromForm(form({ "notifications.email": "", "notifications.push": "on", "quiet_hours.enabled": "" })));
    expect(p.notifications).toEqual({ email: false, sms: true, push: true });
    expect(p.quiet_hours.enabled).toBe(false);
  });

  it("puts the schema's errors on the form's field names", () => {
    const r = preferences.safeParse(preferencesFromForm(form({ "quiet_hours.start": "25:00", alert_threshold: "loud", daily_summary_time: "" })));
    expect(r.success).toBe(false);
    const fields = zodFieldErrors(r.error!).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["quiet_hours.start", "alert_threshold", "daily_summary_time"]));
    expect(Object.keys(form())).toEqual(expect.arrayContaining(fields));
  });
});
