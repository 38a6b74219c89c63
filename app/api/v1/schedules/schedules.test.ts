import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import * as patientSchedules from "../patients/[id]/schedules/route";
import * as schedule from "./[id]/route";
import * as deactivate from "./[id]/deactivate/route";
import * as activate from "./[id]/activate/route";
import * as patientReminders from "../patients/[id]/reminders/route";
import * as reminder from "../reminders/[id]/route";
import * as complete from "../reminders/[id]/complete/route";
import * as skip from "../reminders/[id]/skip/route";

const metformin = {
  type: "medication",
  title: "Metformin 500mg",
  dosage: "500mg",
  medication_name: "Metformin",
  times_of_day: ["18:00", "08:00"],
  recurrence: "daily",
  start_date: "2026-01-01",
};

async function setup() {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { timezone: "America/Chicago" });
  await pairDevice(patient.id);
  return { owner, patient };
}

describe("schedules API", () => {
  it("creates a schedule with defaults, and its next 48 hours of instances in the patient's zone", async () => {
    const { owner, patient } = await setup();
    clock.set("2026-01-15T06:00:00Z");
    try {
      const r = await call(patientSchedules.POST, { token: owner.token, params: { id: patient.id }, body: metformin });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ times_of_day: ["08:00", "18:00"], alert_on_miss: true, advance_notice_minutes: 0, is_active: true, recurrence: "daily" });
      const due = (await db.reminder.findMany({ where: { scheduleId: r.body.id }, orderBy: { dueAt: "asc" } })).map((x) => x.dueAt.toISOString());
      expect(due).toEqual(["2026-01-15T14:00:00.000Z", "2026-01-16T00:00:00.000Z", "2026-01-16T14:00:00.000Z", "2026-01-17T00:00:00.000Z"]);
      const meal = await call(patientSchedules.POST, {
        token: owner.token,
        params: { id: patient.id },
        body: { type: "meal", title: "Lunch", times_of_day: ["12:30"] },
      });
      expect(meal.body).toMatchObject({ alert_on_miss: false, start_date: "2026-01-15" });
    } finally {
      clock.set(null);
    }
  });

  it.each([
    [{ ...metformin, recurrence: "weekly" }, "days_of_week"],
    [{ ...metformin, recurrence: "interval" }, "interval_days"],
    [{ ...metformin, end_date: "2025-12-01" }, "end_date"],
    [{ ...metformin, times_of_day: ["08:00", "08:00"] }, "times_of_day"],
    [{ ...metformin, times_of_day: ["8am"] }, "times_of_day.0"],
    [{ ...metformin, times_of_day: [] }, "times_of_day"],
    [{ ...metformin, type: "meal" }, "dosage"],
    [{ ...metformin, days_of_week: [1, 9] }, "days_of_week.1"],
    [{ ...metformin, repeat_interval_minutes: 15, max_repeats: 2, missed_after_minutes: 30 }, "missed_after_minutes"],
    [{ ...metformin, colour: "red" }, "colour"],
  ])("refuses invalid combinations with a field error (%#)", async (body, field) => {
    const { owner, patient } = await setup();
    const r = await call(patientSchedules.POST, { token: owner.token, params: { id: patient.id }, body });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await db.schedule.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("lists with filters and pagination; viewers read but cannot write", async () => {
    const { owner, patient } = await setup();
    for (const b of [
      metformin,
      { type: "meal", title: "Breakfast", times_of_day: ["07:30"] },
      { type: "meal", title: "Dinner", times_of_day: ["17:30"], is_active: false },
    ]) {
      await call(patientSchedules.POST, { token: owner.token, params: { id: patient.id }, body: b });
    }
    const meals = await call(patientSchedules.GET, { token: owner.token, params: { id: patient.id }, path: "/x?type=meal&active=true" });
    expect(meals.body.items.map((s: { title: string }) => s.title)).toEqual(["Breakfast"]);
    const byTitle = await call(patientSchedules.GET, { token: owner.token, params: { id: patient.id }, path: "/x?sort=title&limit=2" });
    expect(byTitle.body.items.map((s: { title: string }) => s.title)).toEqual(["Breakfast", "Dinner"]);
    expect(byTitle.body.total).toBe(3);
    expect((await call(patientSchedules.GET, { token: owner.token, params: { id: patient.id }, path: "/x?type=snack" })).status).toBe(422);
    const viewer = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(patient.id, viewer.id, "viewer");
    expect((await call(patientSchedules.GET, { token: viewer.token, params: { id: patient.id } })).status).toBe(200);
    expect((await call(patientSchedules.POST, { token: viewer.token, params: { id: patient.id }, body: metformin })).status).toBe(403);
  });

  it("an edit replaces future undelivered instances and never touches past or delivered ones", async () => {
    const { owner, patient } = await setup();
    clock.set("2026-01-20T06:00:00Z");
    try {
      const s = (await call(patientSchedules.POST, { token: owner.token, params: { id: patient.id }, body: { ...metformin, times_of_day: ["08:00"] } })).body;
      const past = await db.reminder.create({
        data: {
          patientId: patient.id,
          scheduleId: s.id,
          occurrenceAt: new Date("2026-01-19T14:00:00Z"),
          type: "medication",
          title: "Metformin 500mg",
          dueAt: new Date("2026-01-19T14:00:00Z"),
          status: "completed",
        },
      });
      const r = await call(schedule.PATCH, {
        method: "PATCH",
        token: owner.token,
        params: { id: s.id },
        body: { times_of_day: ["09:00"], title: "Metformin 850mg" },
      });
      expect(r.status).toBe(200);
      const rows = await db.reminder.findMany({ where: { scheduleId: s.id }, orderBy: { dueAt: "asc" } });
      expect(rows.map((x) => `${x.dueAt.toISOString()} ${x.title}`)).toEqual([
        "2026-01-19T14:00:00.000Z Metformin 500mg",
        "2026-01-20T15:00:00.000Z Metformin 850mg",
        "2026-01-21T15:00:00.000Z Metformin 850mg",
      ]);
      expect(rows[0].id).toBe(past.id);
      const bad = await call(schedule.PATCH, { method: "PATCH", token: owner.token, params: { id: s.id }, body: { recurrence: "weekly" } });
      expect(bad.status).toBe(422);
      expect((await call(schedule.PATCH, { method: "PATCH", token: owner.token, params: { id: s.id }, body: {} })).status).toBe(422);
      const paused = await call(deactivate.POST, { token: owner.token, params: { id: s.id } });
      expect(paused.body.is_active).toBe(false);
      expect(await db.reminder.count({ where: { scheduleId: s.id } })).toBe(1);
      await call(activate.POST, { token: owner.token, params: { id: s.id } });
      expect(await db.reminder.count({ where: { scheduleId: s.id } })).toBe(3);
      expect((await call(schedule.DELETE, { method: "DELETE", token: owner.token, params: { id: s.id } })).status).toBe(204);
      const kept = await db.reminder.findUniqueOrThrow({ where: { id: past.id } });
      expect(kept.scheduleId).toBeNull();
      expect(await db.reminder.count({ where: { patientId: patient.id } })).toBe(1);
      expect((await call(schedule.GET, { token: owner.token, params: { id: s.id } })).status).toBe(404);
    } finally {
      clock.set(null);
    }
  });

  it("a PATCH changes only what it names", async () => {
    const { owner, patient } = await setup();
    const s = (
      await call(patientSchedules.POST, {
        token: owner.token,
        params: { id: patient.id },
        body: { type: "exercise", title: "Walk", times_of_day: ["10:00"], recurrence: "weekly", days_of_week: [2, 4] },
      })
    ).body;
    const r = await call(schedule.PATCH, { method: "PATCH", token: owner.token, params: { id: s.id }, body: { title: "Short walk" } });
    expect(r.body).toMatchObject({ title: "Short walk", recurrence: "weekly", days_of_week: [2, 4], times_of_day: ["10:00"] });
  });
});

describe("caregiver reminders API", () => {
  it("lists with filters, reads, marks done on the patient's behalf (recorded as that caregiver) and skips", async () => {
    const { owner, patient } = await setup();
    clock.set("2026-01-25T06:00:00Z");
    try {
      await call(patientSchedules.POST, { token: owner.token, params: { id: patient.id }, body: metformin });
      await call(patientSchedules.POST, { token: owner.token, params: { id: patient.id }, body: { type: "meal", title: "Lunch", times_of_day: ["12:00"] } });
      const all = await call(patientReminders.GET, { token: owner.token, params: { id: patient.id } });
      expect(all.body.total).toBe(6);
      const today = await call(patientReminders.GET, {
        token: owner.token,
        params: { id: patient.id },
        path: "/x?from=2026-01-25T00:00:00Z&to=2026-01-26T05:59:59Z&type=medication",
      });
      expect(today.body.items.map((r: { due_at: string }) => r.due_at)).toEqual(["2026-01-25T14:00:00.000Z", "2026-01-26T00:00:00.000Z"]);
      const first = today.body.items[0];
      expect((await call(reminder.GET, { token: owner.token, params: { id: first.id } })).body.title).toBe("Metformin 500mg");
      const done = await call(complete.POST, { token: owner.token, params: { id: first.id }, body: { note: "Called her, she took it" } });
      expect(done.body).toMatchObject({ status: "completed", completed_via: "caregiver", notes: "Called her, she took it" });
      expect((await db.reminder.findUniqueOrThrow({ where: { id: first.id } })).completedById).toBe(owner.id);
      expect((await call(skip.POST, { token: owner.token, params: { id: first.id }, body: {} })).status).toBe(409);
      const second = today.body.items[1];
      expect((await call(skip.POST, { token: owner.token, params: { id: second.id }, body: {} })).body.status).toBe("skipped");
      const pending = await call(patientReminders.GET, { token: owner.token, params: { id: patient.id }, path: "/x?status=pending" });
      expect(pending.body.total).toBe(4);
      expect((await call(patientReminders.GET, { token: owner.token, params: { id: patient.id }, path: "/x?status=lost" })).status).toBe(422);
    } finally {
      clock.set(null);
    }
  });
});
