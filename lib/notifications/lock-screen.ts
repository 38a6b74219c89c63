import type { ScheduleType } from "@/lib/db/generated/client";

const REMINDER_KIND: Record<ScheduleType, string> = {
  medication: "It's time for your medicine.",
  meal: "It's time to eat.",
  exercise: "It's time to move a little.",
  appointment: "You have an appointment coming up.",
  hydration: "It's time for a drink.",
  other: "You have a reminder.",
};

/**
 * What the patient's own phone shows on its lock screen for a reminder (SPEC §7): the kind of reminder, never
 * its title or message, which may name a medication or a condition. The app speaks the whole reminder
 * (`speak_text`) once it is opened.
 */
export function reminderLockScreen(type: ScheduleType, retry: number): { title: string; body: string } {
  return { title: retry > 0 ? "Elda: a reminder, again" : "Elda: a reminder", body: `${REMINDER_KIND[type]} Open Elda to hear it.` };
}
