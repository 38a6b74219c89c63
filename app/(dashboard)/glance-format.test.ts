import { describe, expect, it } from "vitest";
import { severityCounts, whenLocal, whenLocalParts } from "@/components/home/glance-format";

const now = new Date("2026-01-14T15:00:00Z"); // Wednesday, 9:00 AM in Chicago

describe("whenLocal", () => {
  it("says today, tomorrow or the day, at the patient's time (English)", () => {
    expect(whenLocal("2026-01-14T20:30:00Z", now, "America/Chicago")).toBe("today at 2:30 PM");
    expect(whenLocal("2026-01-15T14:00:00Z", now, "America/Chicago")).toBe("tomorrow at 8:00 AM");
    expect(whenLocal("2026-01-16T14:00:00Z", now, "America/Chicago")).toBe("Fri, Jan 16 at 8:00 AM");
  });

  it("gives the parts in Spanish for the caregiver's catalogue to word", () => {
    expect(whenLocalParts("2026-01-14T20:30:00Z", now, "America/Chicago", "es")).toMatchObject({ key: "today", time: "14:30" });
    const later = whenLocalParts("2026-01-16T14:00:00Z", now, "America/Chicago", "es");
    expect(later.key).toBe("day");
    expect(later.time).toBe("8:00");
    expect(later.day).toMatch(/vie.*16.*ene/);
  });
});

describe("severityCounts", () => {
  const counts = { critical: 1, high: 2, medium: 0, low: 0 };
  it("leaves out the severities with none (English by default)", () => {
    expect(severityCounts(counts)).toBe("1 critical, 2 high");
  });
  it("words each count as told", () => {
    expect(severityCounts(counts, (s, n) => `${n} ${{ critical: "crítica", high: "altas", medium: "", low: "" }[s]}`)).toBe("1 crítica, 2 altas");
  });
});
