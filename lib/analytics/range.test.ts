import { describe, expect, it } from "vitest";
import { pageRange, rangeInstants, resolveRange } from "./range";

describe("pageRange (the reports pages' GET form)", () => {
  const today = "2026-04-10";
  it("reads a preset as the last N days up to today", () => {
    expect(pageRange({ period: "7", granularity: "week" }, today)).toEqual({
      period: "7",
      query: { from: "2026-04-04", to: "2026-04-10", granularity: "week" },
      values: { from: "2026-04-04", to: "2026-04-10" },
      errors: {},
    });
    expect(pageRange({}, today).query).toEqual({ from: "2026-03-12", to: "2026-04-10", granularity: "day" });
    expect(pageRange({ period: "1000" }, today).period).toBe("30");
    // unless chosen, the grouping fits the length: days up to a month, then weeks, then months
    expect([pageRange({ period: "90" }, today).query.granularity, pageRange({ period: "365" }, today).query.granularity]).toEqual(["week", "month"]);
    expect(pageRange({ period: "90", granularity: "day" }, today).query.granularity).toBe("day");
    // past three months, day by day is refused beside the field and the page groups as it would have
    const yearByDay = pageRange({ period: "365", granularity: "day" }, today);
    expect(yearByDay.query.granularity).toBe("month");
    expect(yearByDay.errors.granularity).toMatch(/longer than 92 days by week or month/);
  });

  it("takes a valid custom range, and refuses a bad one with errors next to the fields and the last 30 days", () => {
    expect(pageRange({ period: "custom", from: "2026-01-01", to: "2026-01-31", granularity: "month" }, today).query).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
      granularity: "month",
    });
    expect(pageRange({ period: "custom", from: "2026-01-01", to: "2026-02-28" }, today).query.granularity).toBe("week");
    const backwards = pageRange({ period: "custom", from: "2026-02-01", to: "2026-01-01" }, today);
    expect(backwards.errors).toEqual({ to: "The end of the range must be on or after its start." });
    expect(backwards.values).toEqual({ from: "2026-02-01", to: "2026-01-01" });
    expect(backwards.query.from).toBe("2026-03-12");
    expect(pageRange({ period: "custom", from: "2020-01-01", to: "2026-01-01" }, today).errors.from).toMatch(/at most 731 days/);
    expect(pageRange({ period: "custom", from: "", to: "2026-02-30" }, today).errors).toEqual({ from: "Enter a date.", to: "Use a date as YYYY-MM-DD." });
    expect(pageRange({ granularity: "hour" }, today).errors).toEqual({ granularity: "Choose day, week or month." });
  });
});

describe("range instants", () => {
  it("starts each local day at local midnight, whatever daylight saving does", () => {
    const r = resolveRange({ from: "2026-04-04", to: "2026-04-05" }, "2026-04-10");
    const t = rangeInstants(r, "Australia/Sydney");
    expect(t.start.toISOString()).toBe("2026-04-03T13:00:00.000Z"); // AEDT, UTC+11
    expect(t.end.toISOString()).toBe("2026-04-05T14:00:00.000Z"); // AEST, UTC+10
    expect(rangeInstants(resolveRange({ from: "2026-03-08", to: "2026-03-08" }, "2026-04-10"), "America/Chicago").end.toISOString()).toBe(
      "2026-03-09T05:00:00.000Z",
    );
  });
});
