import type { ScheduleType } from "@/lib/db/generated/client";
import type { PatientVoice } from "@/lib/patient-messages/patient-message";

/**
 * What the patient's own phone shows on its lock screen for a reminder (SPEC §7), in the patient's language and
 * style (lib/patient-messages): the kind of reminder, never its title or message, which may name a medication
 * or a condition. The app speaks the whole reminder (`speak_text`) once it is opened.
 */
export function reminderLockScreen(voice: PatientVoice, type: ScheduleType, retry: number): { title: string; body: string } {
  return { title: voice.say("reminder.lock_title", { again: retry > 0 }), body: voice.say("reminder.lock_body", { type }) };
}
