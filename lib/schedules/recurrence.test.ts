import { describe, expect, it } from "vitest";
import { occurrencesBetween, localToday, type RecurrenceRule } from "./recurrence";

const daily = (times: string[], over: Partial<RecurrenceRule> = {}): RecurrenceRule => ({
  recurrence: "daily",
  daysOfWeek: [],
  intervalDays: null,
  timesOfDay: times,
  startDate: "2026-01-01",
  endDate: null,
  ...over,
});
const iso = (o: { at: Date }[]) => o.map((x) => x.at.toISOString());
const between = (rule: RecurrenceRule, zone: string, from: string, to: string) => occurrencesBetween(rule, zone, new Date(from), new Date(to));

describe("recurrence in the patient's time zone", () => {
  it("Betty's 08:00 Metformin in Chicago is 14:00 UTC in January and 13:00 UTC in July", () => {
    expect(iso(between(daily(["08:00"]), "America/Chicago", "2026-01-15T00:00:00Z", "2026-01-16T00:00:00Z"))).toEqual(["2026-01-15T14:00:00.000Z"]);
    expect(iso(between(daily(["08:00"]), "America/Chicago", "2026-07-15T00:00:00Z", "2026-07-16T00:00:00Z"))).toEqual(["2026-07-15T13:00:00.000Z"]);
  });

  it("keeps local time across the spring-forward and fall-back days (Chicago, London, Sydney)", () => {
    // Chicago springs forward on 2026-03-08: 08:00 CST the day before, 08:00 CDT that day
    expect(iso(between(daily(["08:00"]), "America/Chicago", "2026-03-07T00:00:00Z", "2026-03-09T00:00:00Z"))).toEqual([
      "2026-03-07T14:00:00.000Z",
      "2026-03-08T13:00:00.000Z",
    ]);
    // London falls back on 2026-10-25
    expect(iso(between(daily(["09:00"]), "Europe/London", "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z"))).toEqual([
      "2026-10-24T08:00:00.000Z",
      "2026-10-25T09:00:00.000Z",
    ]);
    // Sydney (southern hemisphere) springs forward on 2026-10-04: AEST +10 to AEDT +11
    expect(iso(between(daily(["07:30"]), "Australia/Sydney", "2026-10-02T12:00:00Z", "2026-10-04T12:00:00Z"))).toEqual([
      "2026-10-02T21:30:00.000Z",
      "2026-10-03T20:30:00.000Z",
    ]);
  });

  it("moves a time that does not exist forward, and takes a repeated time once", () => {
    // 02:30 does not exist in Chicago on 2026-03-08 (02:00 -> 03:00): it happens at 03:30 CDT
    expect(iso(between(daily(["02:30"]), "America/Chicago", "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z"))).toEqual(["2026-03-08T08:30:00.000Z"]);
    // 01:30 happens twice in Chicago on 2026-11-01: one reminder, at the first (CDT, 06:30 UTC)
    expect(iso(between(daily(["01:30"]), "America/Chicago", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"))).toEqual(["2026-11-01T06:30:00.000Z"]);
  });

  it("handles half-hour zones (India +05:30, Adelaide +09:30/+10:30)", () => {
    expect(iso(between(daily(["08:00"]), "Asia/Kolkata", "2026-01-15T00:00:00Z", "2026-01-16T00:00:00Z"))).toEqual(["2026-01-15T02:30:00.000Z"]);
    expect(iso(between(daily(["08:00"]), "Australia/Adelaide", "2026-01-14T12:00:00Z", "2026-01-15T12:00:00Z"))).toEqual(["2026-01-14T21:30:00.000Z"]);
  });

  it("weekly on given days, every N days, and once", () => {
    const weekly = daily(["10:00"], { recurrence: "weekly", daysOfWeek: [1, 3, 5] }); // Mon, Wed, Fri
    const week = between(weekly, "UTC", "2026-01-12T00:00:00Z", "2026-01-19T00:00:00Z"); // Mon 12 .. Sun 18
    expect(week.map((o) => o.localDate)).toEqual(["2026-01-12", "2026-01-14", "2026-01-16"]);
    const every3 = daily(["10:00"], { recurrence: "interval", intervalDays: 3, startDate: "2026-01-01" });
    expect(between(every3, "UTC", "2026-01-01T00:00:00Z", "2026-01-11T00:00:00Z").map((o) => o.localDate)).toEqual([
      "2026-01-01",
      "2026-01-04",
      "2026-01-07",
      "2026-01-10",
    ]);
    const once = daily(["15:00"], { recurrence: "once", startDate: "2026-02-03" });
    expect(iso(between(once, "Europe/London", "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"))).toEqual(["2026-02-03T15:00:00.000Z"]);
  });

  it("honours start and end dates (end inclusive) and several times a day", () => {
    const rule = daily(["18:00", "08:00"], { startDate: "2026-01-10", endDate: "2026-01-11" });
    expect(between(rule, "UTC", "2026-01-08T00:00:00Z", "2026-01-14T00:00:00Z").map((o) => `${o.localDate} ${o.localTime}`)).toEqual([
      "2026-01-10 08:00",
      "2026-01-10 18:00",
      "2026-01-11 08:00",
      "2026-01-11 18:00",
    ]);
  });

  it("knows the patient's today", () => {
    expect(localToday(new Date("2026-01-15T03:00:00Z"), "America/Chicago")).toBe("2026-01-14");
    expect(localToday(new Date("2026-01-15T03:00:00Z"), "Australia/Sydney")).toBe("2026-01-15");
  });
});
