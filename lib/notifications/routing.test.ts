import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES } from "@/lib/caregivers/schemas";
import { channelsFor, inQuietHours, meetsThreshold, quietHoursEnd, underSmsCap } from "./routing";

const q = DEFAULT_PREFERENCES.quiet_hours; // enabled, 22:00-07:00
const chicago = "America/Chicago";

describe("routing rules", () => {
  it("reads quiet hours in the caregiver's zone, across midnight", () => {
    expect(inQuietHours(q, chicago, new Date("2026-01-15T09:00:00Z"))).toBe(true); // 03:00
    expect(inQuietHours(q, chicago, new Date("2026-01-15T05:00:00Z"))).toBe(true); // 23:00
    expect(inQuietHours(q, chicago, new Date("2026-01-15T13:00:00Z"))).toBe(false); // 07:00
    expect(inQuietHours({ ...q, enabled: false }, chicago, new Date("2026-01-15T09:00:00Z"))).toBe(false);
    expect(inQuietHours({ enabled: true, start: "13:00", end: "14:00" }, "UTC", new Date("2026-01-15T13:30:00Z"))).toBe(true);
    expect(quietHoursEnd(q, chicago, new Date("2026-01-15T05:00:00Z"))?.toISOString()).toBe("2026-01-15T13:00:00.000Z");
    expect(quietHoursEnd(q, chicago, new Date("2026-01-15T18:00:00Z"))).toBeNull();
  });

  it("thresholds and channels", () => {
    expect(meetsThreshold("medium", "high")).toBe(true);
    expect(meetsThreshold("high", "medium")).toBe(false);
    expect(channelsFor(DEFAULT_PREFERENCES, "medium")).toEqual(["sms", "email"]);
    expect(channelsFor(DEFAULT_PREFERENCES, "critical")).toEqual(["sms", "email", "voice"]);
  });

  it("past the monthly SMS cap, a non-critical message goes by push or email; email when the caregiver has neither; critical still texts", () => {
    const past = { pastCap: true, critical: false, hasBrowsers: true };
    expect(underSmsCap(["sms", "email"], past)).toEqual(["email"]);
    expect(underSmsCap(["sms", "web_push"], past)).toEqual(["web_push"]);
    expect(underSmsCap(["sms", "web_push"], { ...past, hasBrowsers: false })).toEqual(["web_push", "email"]);
    expect(underSmsCap(["sms"], past)).toEqual(["email"]);
    expect(underSmsCap(["sms", "email", "voice"], { ...past, critical: true })).toEqual(["sms", "email", "voice"]);
    expect(underSmsCap(["sms"], { ...past, pastCap: false })).toEqual(["sms"]);
  });
});
