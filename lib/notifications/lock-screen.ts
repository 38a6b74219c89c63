import type { ScheduleType } from "@/lib/db/generated/client";
import type { OutboundMessage } from "./channels/types";
import type { PatientVoice } from "@/lib/patient-messages/patient-message";

/**
 * What a caregiver's browser notification says (SPEC §7). It shows on a lock screen, where anyone nearby can
 * read it: it names the patient by first name and how urgent it is, and never a condition, a medication, an
 * alert's title or anything the patient said. The click opens the alert or the patient in Elda, behind the
 * caregiver's sign-in.
 */
type LockScreen = Pick<OutboundMessage, "title" | "text" | "url" | "urgent" | "ttlSeconds">;

const HOUR = 3600;

const URGENCY: Record<string, string> = { critical: "an urgent alert", high: "an important alert", medium: "an alert", low: "an alert" };

export function alertPush(alert: { id: string; severity: string; patient: { firstName: string } }): LockScreen {
  return {
    title: `Elda: ${URGENCY[alert.severity] ?? "an alert"} about ${alert.patient.firstName}`,
    text: "Open Elda to see it.",
    url: `/alerts/${alert.id}`,
    urgent: alert.severity === "critical" || alert.severity === "high",
    ttlSeconds: 12 * HOUR,
  };
}

export function summaryPush(summary: { patientId: string; patient: { firstName: string } }): LockScreen {
  return {
    title: `${summary.patient.firstName}'s daily summary is ready`,
    text: "Open Elda to read it.",
    url: `/patients/${summary.patientId}`,
    ttlSeconds: 24 * HOUR,
  };
}

/** Held alerts, as one notification: how many and about whom, nothing more. */
export function digestPush(count: number, firstNames: string[]): LockScreen {
  const names = [...new Set(firstNames)];
  const about = names.length <= 1 ? (names[0] ?? "your patients") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return {
    title: `Elda: ${count} alert${count === 1 ? "" : "s"} about ${about} waited for you`,
    text: "They were held back to keep you from too many messages. Open Elda to see them.",
    url: "/alerts",
    ttlSeconds: 12 * HOUR,
  };
}

export function testPush(): LockScreen {
  return {
    title: "Elda: test notification",
    text: "Notifications are on for this browser. Alerts will look like this, without health details.",
    url: "/settings/notifications",
    ttlSeconds: HOUR,
  };
}

/**
 * What the patient's own phone shows on its lock screen for a reminder (SPEC §7), in the patient's language and
 * style (lib/patient-messages): the kind of reminder, never its title or message, which may name a medication
 * or a condition. The app speaks the whole reminder (`speak_text`) once it is opened.
 */
export function reminderLockScreen(voice: PatientVoice, type: ScheduleType, retry: number): { title: string; body: string } {
  return { title: voice.say("reminder.lock_title", { again: retry > 0 }), body: voice.say("reminder.lock_body", { type }) };
}
