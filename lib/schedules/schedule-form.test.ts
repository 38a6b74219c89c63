import { describe, expect, it } from "vitest";
import { createScheduleInput } from "@/lib/schedules/schemas";
import { readFields, type FieldIssue } from "@/lib/dashboard/form-state";
import { createTranslator } from "next-intl";
import en from "@/messages/en";
import esMessages from "@/messages/es";
import { clockTime, recurrenceInWords, SCHEDULE_FIELDS, scheduleInputFromForm, timesFromText } from "./schedule-form";

function scheduleForm(fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  const problems: FieldIssue[] = [];
  const input = scheduleInputFromForm(form, readFields(form, SCHEDULE_FIELDS), problems);
  return { input, problems };
}

describe("the schedule form as the schedule schemas' input", () => {
  it("reads times of day", () => {
    expect(timesFromText("8:00, 20:30 21:00")).toEqual(["08:00", "20:30", "21:00"]);
  });

  it("turns a weekly medication form into a schedule the API's schema accepts", () => {
    const r = scheduleForm({
      type: "medication",
      title: "Morning pills",
      dosage: "500 mg",
      medication_name: "",
      instructions: "",
      recurrence: "weekly",
      days_of_week: ["1", "5", "9"],
      interval_days: "3",
      times_of_day: "8:00, 20:00",
      start_date: "",
      end_date: "2027-01-01",
      advance_notice_minutes: "10",
      alert_on_miss: "on",
    });
    expect(r.problems).toEqual([]);
    // the interval does not apply to weekly schedules and is cleared; a day that is no weekday is dropped
    expect(r.input).toMatchObject({
      days_of_week: [1, 5],
      interval_days: null,
      times_of_day: ["08:00", "20:00"],
      dosage: "500 mg",
      medication_name: null,
      advance_notice_minutes: 10,
      alert_on_miss: true,
      end_date: "2027-01-01",
    });
    expect(r.input).not.toHaveProperty("start_date");
    expect(createScheduleInput.safeParse(r.input).success).toBe(true);
  });

  it("clears what does not apply and reports boxes that hold no number", () => {
    const meal = scheduleForm({
      type: "meal",
      title: "Lunch",
      dosage: "2 pills",
      recurrence: "interval",
      days_of_week: "3",
      interval_days: "two",
      times_of_day: "12:00",
      end_date: "2027-01-01",
      start_date: "2026-12-01",
      advance_notice_minutes: "soon",
    });
    expect(meal.input).toMatchObject({ dosage: null, days_of_week: [], interval_days: null, alert_on_miss: false, start_date: "2026-12-01" });
    expect(meal.problems.map((p) => p.field)).toEqual(["interval_days", "advance_notice_minutes"]);
    const once = scheduleForm({ type: "appointment", title: "Dentist", recurrence: "once", times_of_day: "25:00", end_date: "2027-01-01" });
    expect(once.input.end_date).toBeNull();
    const parsed = createScheduleInput.safeParse(once.input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["times_of_day", 0]);
  });

  it("says a schedule's recurrence and times in words, in English and in Spanish", () => {
    const s = { days_of_week: [] as number[], interval_days: null, start_date: "2026-01-05", end_date: null as string | null };
    const t = createTranslator({ locale: "en", messages: en, namespace: "routine.recurrence" });
    const es = createTranslator({ locale: "es", messages: esMessages, namespace: "routine.recurrence" });
    expect(recurrenceInWords({ ...s, recurrence: "daily" }, t)).toBe("Every day");
    expect(recurrenceInWords({ ...s, recurrence: "daily", end_date: "2026-02-01" }, t)).toBe("Every day, until 2026-02-01");
    expect(recurrenceInWords({ ...s, recurrence: "weekly", days_of_week: [5, 1, 3] }, t)).toBe("Every Monday, Wednesday and Friday");
    expect(recurrenceInWords({ ...s, recurrence: "weekly", days_of_week: [7] }, t)).toBe("Every Sunday");
    expect(recurrenceInWords({ ...s, recurrence: "weekly", days_of_week: [1, 2, 3, 4, 5] }, t)).toBe("Every weekday");
    expect(recurrenceInWords({ ...s, recurrence: "interval", interval_days: 3 }, t)).toBe("Every 3 days");
    expect(recurrenceInWords({ ...s, recurrence: "once", end_date: "2026-02-01" }, t)).toBe("Once, on 2026-01-05");
    expect(clockTime("00:05")).toBe("12:05 AM");
    expect(clockTime("08:00")).toBe("8:00 AM");
    expect(clockTime("12:30")).toBe("12:30 PM");
    expect(clockTime("20:00")).toBe("8:00 PM");
    expect(recurrenceInWords({ ...s, recurrence: "weekly", days_of_week: [5, 1, 3], end_date: "2026-02-01" }, es)).toBe(
      "Cada lunes, miércoles y viernes, hasta el 2026-02-01",
    );
    expect(recurrenceInWords({ ...s, recurrence: "weekly", days_of_week: [1, 2, 3, 4, 5] }, es)).toBe("De lunes a viernes");
    expect(recurrenceInWords({ ...s, recurrence: "interval", interval_days: 3 }, es)).toBe("Cada 3 días");
    expect(recurrenceInWords({ ...s, recurrence: "once" }, es)).toBe("Una vez, el 2026-01-05");
    expect(clockTime("08:00", "es")).toBe("8:00");
    expect(clockTime("20:30", "es")).toBe("20:30");
  });
});
