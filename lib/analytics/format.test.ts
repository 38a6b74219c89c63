import { describe, expect, it } from "vitest";
import { bucketLabel, countChange, duration, hourLabel, moodLabel, number, percent, pointsChange, rangeLabel, titleCase } from "./format";

describe("report wording", () => {
  it("says how a figure changed from the previous period", () => {
    expect(percent(0.824)).toBe("82%");
    expect(percent(null)).toBe("No data");
    expect(pointsChange(5, 30)).toBe("Up 5 points from the previous 30 days");
    expect(pointsChange(-2.5, 7)).toBe("Down 2.5 points from the previous 7 days");
    expect(pointsChange(1, 1)).toBe("Up 1 point from the previous day");
    expect(pointsChange(0, 30)).toBe("The same as the previous 30 days");
    expect(pointsChange(null, 30)).toBe("Nothing to compare with in the previous 30 days");
    expect(countChange(3, 30)).toBe("3 more than in the previous 30 days");
    expect(countChange(-2, 30)).toBe("2 fewer than in the previous 30 days");
    expect(countChange(0, 30)).toBe("As many as in the previous 30 days");
  });

  it("names durations, moods, buckets and hours", () => {
    expect([duration(null), duration(45), duration(60), duration(125), duration(1440), duration(1590 + 1440)]).toEqual([
      "No data",
      "45 min",
      "1 h",
      "2 h 5 min",
      "1 day",
      "2 days 2 h",
    ]);
    expect([moodLabel(null), moodLabel(1), moodLabel(0.2), moodLabel(-1), moodLabel(-2)]).toEqual([
      "No data",
      "Mostly positive",
      "Mostly neutral",
      "Concerned",
      "Distressed",
    ]);
    expect([bucketLabel("2026-04-05", "day"), bucketLabel("2026-04-06", "week"), bucketLabel("2026-04-01", "month")]).toEqual([
      "5 Apr",
      "Week of 6 Apr",
      "Apr 2026",
    ]);
    expect(rangeLabel("2026-04-04", "2026-04-06")).toBe("4 April 2026 to 6 April 2026");
    expect(rangeLabel("2026-04-04", "2026-04-04")).toBe("4 April 2026");
    expect([hourLabel(0), hourLabel(9), hourLabel(12), hourLabel(23)]).toEqual(["12 AM", "9 AM", "12 PM", "11 PM"]);
    expect(titleCase("missed_medication")).toBe("Missed medication");
  });

  it("says the same in Spanish, with Spanish numbers and dates", () => {
    expect(percent(0.824, "es")).toBe("82\u00a0%");
    expect(percent(null, "es")).toBe("Sin datos");
    expect(pointsChange(-2.5, 7, "es")).toBe("Baja 2,5 puntos en comparación con los 7 días anteriores");
    expect(pointsChange(1, 1, "es")).toBe("Sube 1 punto en comparación con el día anterior");
    expect(countChange(3, 30, "es")).toBe("3 más que en los 30 días anteriores");
    expect([duration(125, "es"), duration(1590 + 1440, "es")]).toEqual(["2 h 5 min", "2 días 2 h"]);
    expect(moodLabel(1, "es")).toBe("Mayormente positivo");
    expect(bucketLabel("2026-04-06", "week", "es")).toBe("Semana del 6 abr");
    expect(rangeLabel("2026-04-04", "2026-04-06", "es")).toBe("del 4 de abril de 2026 al 6 de abril de 2026");
    expect(hourLabel(15, "es")).toBe("15:00");
    expect([number(12345, "es"), number(-0.5, "es"), number(null, "es")]).toEqual(["12.345", "-0,5", "—"]);
    expect([number(1234), number(0.67), number(3)]).toEqual(["1,234", "0.67", "3"]);
  });
});
