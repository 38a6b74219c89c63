"use server";

import { createSchedule, updateSchedule } from "@/lib/schedules/schedules";
import { createScheduleInput, updateScheduleInput } from "@/lib/schedules/schemas";
import { checkedDays, SCHEDULE_FIELDS, scheduleInputFromForm } from "@/lib/schedules/schedule-form";
import { completeReminderForPatient, skipReminder } from "@/lib/reminders/caregiver-reminders";
import { buttonAction, formAction } from "@/app/_server/action";

const routine = (patientId: string, ok: string) => `/patients/${patientId}/routine?ok=${ok}`;

/** The schedule form as the API's schedule schemas read it (number boxes that hold no number are refused too). */
const scheduleForm = {
  fields: SCHEDULE_FIELDS,
  input: (v: Record<string, string>, form: FormData, problems: Parameters<typeof scheduleInputFromForm>[2]) =>
    scheduleInputFromForm(form, v as Record<(typeof SCHEDULE_FIELDS)[number], string>, problems),
  echo: (form: FormData) => ({ days_of_week: checkedDays(form).join(","), alert_on_miss: form.get("alert_on_miss") === "on" ? "on" : "" }),
};

export const createScheduleAction = formAction({
  ...scheduleForm,
  bound: ["patientId"],
  schema: createScheduleInput,
  run: (data, { actor, now, bound }) => createSchedule(actor, bound.patientId, data, now),
  done: (_, { bound }) => routine(bound.patientId, "schedule-created"),
});

export const updateScheduleAction = formAction({
  ...scheduleForm,
  bound: ["patientId", "scheduleId"],
  schema: updateScheduleInput,
  run: (data, { actor, now, bound }) => updateSchedule(actor, bound.scheduleId, data, now),
  done: (_, { bound }) => routine(bound.patientId, "schedule-saved"),
});

/** Pause (no new reminders) or resume a schedule. */
export const setScheduleActiveAction = buttonAction({
  bound: ["patientId"],
  ids: { schedule_id: "Schedule" },
  run: ({ schedule_id }, { actor, now, form }) => updateSchedule(actor, schedule_id, { is_active: form.get("active") === "true" }, now),
  done: (_, { bound, form }) => routine(bound.patientId, form.get("active") === "true" ? "schedule-resumed" : "schedule-paused"),
});

export const completeReminderAction = buttonAction({
  bound: ["patientId"],
  ids: { reminder_id: "Reminder" },
  run: ({ reminder_id }, { actor, now }) => completeReminderForPatient(actor, reminder_id, undefined, now),
  done: (_, { bound }) => routine(bound.patientId, "reminder-done"),
});

export const skipReminderAction = buttonAction({
  bound: ["patientId"],
  ids: { reminder_id: "Reminder" },
  run: ({ reminder_id }, { actor, now }) => skipReminder(actor, reminder_id, undefined, now),
  done: (_, { bound }) => routine(bound.patientId, "reminder-skipped"),
});
