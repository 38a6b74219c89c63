"use server";

import { clock } from "@/lib/clock";
import { createSchedule, updateSchedule } from "@/lib/schedules/schedules";
import { createScheduleInput, updateScheduleInput } from "@/lib/schedules/schemas";
import { completeReminderForPatient, skipReminder } from "@/lib/reminders/caregiver-reminders";
import { invalidForm } from "@/lib/dashboard/action-errors";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { SCHEDULE_FIELDS, scheduleInputFromForm, topLevelErrors } from "@/lib/dashboard/form-input";
import { runAction } from "../run-action";
import { idFrom } from "@/lib/dashboard/form-input";

const routine = (patientId: string, ok: string) => `/patients/${patientId}/routine?ok=${ok}`;

/** The schedule form, parsed by the API's schema; number boxes that hold no number are refused too. */
function parseSchedule(prev: FormState, form: FormData, schema: typeof createScheduleInput | typeof updateScheduleInput) {
  const values = readFields(form, SCHEDULE_FIELDS);
  const { input, days, problems } = scheduleInputFromForm(form, values);
  const echo = { ...values, days_of_week: days.join(","), alert_on_miss: form.get("alert_on_miss") === "on" ? "on" : "" };
  const parsed = schema.safeParse(input);
  if (parsed.success && problems.length === 0) return { data: parsed.data, values: echo };
  const state = parsed.success
    ? { ...prev, message: "Some fields need your attention.", fieldErrors: {}, values: echo, attempt: prev.attempt + 1 }
    : invalidForm(prev, parsed.error, echo);
  const fieldErrors = topLevelErrors(state.fieldErrors);
  for (const p of problems) fieldErrors[p.field] ??= p.message;
  return { state: { ...state, fieldErrors } };
}

export async function createScheduleAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const r = parseSchedule(prev, form, createScheduleInput);
  if (r.state) return r.state;
  const data = r.data as Parameters<typeof createSchedule>[2];
  return runAction(prev, r.values, (actor) => createSchedule(actor, patientId, data, clock.now()), routine(patientId, "schedule-created"));
}

export async function updateScheduleAction(patientId: string, scheduleId: string, prev: FormState, form: FormData): Promise<FormState> {
  const r = parseSchedule(prev, form, updateScheduleInput);
  if (r.state) return r.state;
  const data = r.data as Parameters<typeof updateSchedule>[2];
  return runAction(prev, r.values, (actor) => updateSchedule(actor, scheduleId, data, clock.now()), routine(patientId, "schedule-saved"));
}

/** Pause (no new reminders) or resume a schedule. */
export async function setScheduleActiveAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const { schedule_id, active } = readFields(form, ["schedule_id", "active"] as const);
  const isActive = active === "true";
  return runAction(
    prev,
    {},
    (actor) => updateSchedule(actor, idFrom(schedule_id, "Schedule"), { is_active: isActive }, clock.now()),
    routine(patientId, isActive ? "schedule-resumed" : "schedule-paused"),
  );
}

export async function completeReminderAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const { reminder_id } = readFields(form, ["reminder_id"] as const);
  return runAction(
    prev,
    {},
    (actor) => completeReminderForPatient(actor, idFrom(reminder_id, "Reminder"), undefined, clock.now()),
    routine(patientId, "reminder-done"),
  );
}

export async function skipReminderAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const { reminder_id } = readFields(form, ["reminder_id"] as const);
  return runAction(prev, {}, (actor) => skipReminder(actor, idFrom(reminder_id, "Reminder"), undefined, clock.now()), routine(patientId, "reminder-skipped"));
}
