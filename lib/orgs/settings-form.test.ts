import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/api/problem";
import { consistentSettings, DEFAULT_ORGANIZATION_SETTINGS, organizationSettings } from "./schemas";
import { settingBounds, SETTINGS_FIELDS, settingsFromForm, settingsToForm } from "./settings-form";

describe("organization settings form", () => {
  it("has one field per setting and round-trips the settings through the API's schema", () => {
    expect(SETTINGS_FIELDS).toContain("pairing.code_ttl_minutes");
    expect(SETTINGS_FIELDS).toContain("ai.context_window");
    expect(SETTINGS_FIELDS).toHaveLength(Object.values(DEFAULT_ORGANIZATION_SETTINGS).reduce((n, s) => n + Object.keys(s).length, 0));
    const changed = {
      ...DEFAULT_ORGANIZATION_SETTINGS,
      pairing: { code_ttl_minutes: 60 },
      ai: { ...DEFAULT_ORGANIZATION_SETTINGS.ai, provider: "offline" as const, context_window: 20 },
    };
    expect(consistentSettings.parse(settingsFromForm(settingsToForm(changed)))).toEqual(changed);
  });

  it("turns number boxes into numbers, an empty box into a missing value and keeps other text for the schema to refuse", () => {
    const values = {
      ...settingsToForm(DEFAULT_ORGANIZATION_SETTINGS),
      "pairing.code_ttl_minutes": "",
      "reminders.repeat_count": "lots",
      "inactivity.medium_after_hours": "2.5",
    };
    const doc = settingsFromForm(values);
    expect(doc.inactivity.medium_after_hours).toBe(2.5);
    const r = organizationSettings.safeParse(doc);
    expect(r.success).toBe(false);
    const errors = zodFieldErrors(r.error!);
    expect(errors).toEqual(
      expect.arrayContaining([{ field: "pairing.code_ttl_minutes", message: "Required." }, expect.objectContaining({ field: "reminders.repeat_count" })]),
    );
    expect(errors).toHaveLength(2);
  });

  it("reads each field's bounds from the schema", () => {
    expect(settingBounds("pairing.code_ttl_minutes")).toEqual({ kind: "number", min: 1, max: 7 * 24 * 60, integer: true });
    expect(settingBounds("inactivity.high_after_hours")).toEqual({ kind: "number", min: 0.5, max: 24, integer: false });
    expect(settingBounds("ai.provider")).toEqual({ kind: "choice", options: ["anthropic", "offline"] });
    expect(settingBounds("inactivity.waking_hours_start")).toEqual({ kind: "time" });
    expect(settingBounds("ai.system_prompt_additions")).toEqual({ kind: "text", maxLength: 4000 });
    expect(settingBounds("notifications.monthly_sms_cap")).toEqual({ kind: "number", min: 1, max: 10_000_000, integer: true });
  });

  it("an empty box for a setting that may be none (the monthly SMS cap) is null, a number is the cap", () => {
    const values = settingsToForm(DEFAULT_ORGANIZATION_SETTINGS);
    expect(values["notifications.monthly_sms_cap"]).toBe("");
    expect(consistentSettings.parse(settingsFromForm(values)).notifications.monthly_sms_cap).toBeNull();
    const capped = settingsFromForm({ ...values, "notifications.monthly_sms_cap": "500" });
    expect(consistentSettings.parse(capped).notifications.monthly_sms_cap).toBe(500);
  });
});
