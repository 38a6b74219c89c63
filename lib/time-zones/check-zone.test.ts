import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { timezone } from "@/lib/validation/common";
import { canonicalZone, usableZone, zoneProblem } from "./check-zone";

describe("which time zones are accepted", () => {
  it("takes canonical IANA names, including ones ICU calls by an older id (Asia/Kolkata, Europe/Kyiv)", () => {
    for (const z of [
      "America/Chicago",
      "Europe/Madrid",
      "Asia/Kolkata",
      "America/Argentina/Buenos_Aires",
      "Europe/Kyiv",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
      "UTC",
      "Etc/GMT+5",
    ]) {
      expect(timezone.safeParse(z).success, z).toBe(true);
    }
  });

  it("refuses names Node knows and PostgreSQL does not, saying what to send instead", () => {
    expect(zoneProblem("US/Pacific-New")).toBe('Use the canonical IANA name America/Los_Angeles instead of "US/Pacific-New".');
    expect(zoneProblem("Canada/East-Saskatchewan")).toContain("America/Regina");
    // Node accepts both: the validator must not
    expect(() => DateTime.local().setZone("US/Pacific-New").toISO()).not.toThrow();
    expect(timezone.safeParse("US/Pacific-New").success).toBe(false);
    expect(timezone.safeParse("Canada/East-Saskatchewan").success).toBe(false);
  });

  it("refuses old links, legacy names and wrong case with the canonical name", () => {
    expect(canonicalZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(canonicalZone("US/Eastern")).toBe("America/New_York");
    expect(canonicalZone("America/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
    expect(canonicalZone("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(canonicalZone("america/chicago")).toBe("America/Chicago");
    expect(canonicalZone("Etc/UCT")).toBe("UTC");
    for (const z of ["Asia/Calcutta", "US/Eastern", "america/chicago", "GMT"]) expect(timezone.safeParse(z).success, z).toBe(false);
  });

  it("refuses what nobody knows with the general advice, and never echoes more than the field's length", () => {
    expect(zoneProblem("Mars/Olympus")).toBe("Use an IANA time zone such as America/Chicago.");
    expect(zoneProblem("")).toBe("Use an IANA time zone such as America/Chicago.");
    expect(zoneProblem("x".repeat(10_000))).toBe("Use an IANA time zone such as America/Chicago.");
    expect(zoneProblem("America/Chicago\u0000")).toBe("Use an IANA time zone such as America/Chicago.");
    expect(timezone.safeParse(42).success).toBe(false);
  });

  it("reads a stored value with its canonical zone, or UTC when there is none", () => {
    expect(usableZone("America/Chicago")).toBe("America/Chicago");
    expect(usableZone("US/Pacific-New")).toBe("America/Los_Angeles");
    expect(usableZone("Mars/Olympus")).toBe("UTC");
  });
});
