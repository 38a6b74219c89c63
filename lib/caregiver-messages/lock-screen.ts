import type { Severity } from "@/lib/db/generated/enums";
import { messagesFor } from "./catalogue";
import { formatList } from "./format";

/**
 * What a caregiver's browser notification says (SPEC §7), in the caregiver's language. It shows on a lock
 * screen, where anyone nearby can read it: it names the patient by first name and how urgent it is, and never
 * a condition, a medication, an alert's title or anything the patient said. The click opens the alert or the
 * patient in Elda, behind the caregiver's sign-in.
 */
export interface LockScreen {
  title: string;
  text: string;
  url: string;
  urgent?: boolean;
  ttlSeconds: number;
}

const HOUR = 3600;

export function alertPush(language: string, alert: { id: string; severity: Severity; patient: { firstName: string } }): LockScreen {
  const m = messagesFor(language);
  return {
    title: m.push.alertTitle(alert.severity, alert.patient.firstName),
    text: m.push.alertBody,
    url: `/alerts/${alert.id}`,
    urgent: alert.severity === "critical" || alert.severity === "high",
    ttlSeconds: 12 * HOUR,
  };
}

export function summaryPush(language: string, summary: { patientId: string; patient: { firstName: string } }): LockScreen {
  const m = messagesFor(language);
  return { title: m.push.summaryTitle(summary.patient.firstName), text: m.push.summaryBody, url: `/patients/${summary.patientId}`, ttlSeconds: 24 * HOUR };
}

/** Held alerts, as one notification: how many and about whom, nothing more. */
export function digestPush(language: string, count: number, firstNames: string[]): LockScreen {
  const m = messagesFor(language);
  const names = [...new Set(firstNames)];
  const about = names.length === 0 ? m.push.yourPatients : formatList(m, names);
  return { title: m.push.digestTitle(count, about), text: m.push.digestBody, url: "/alerts", ttlSeconds: 12 * HOUR };
}

export function testPush(language: string): LockScreen {
  const m = messagesFor(language);
  return { title: m.push.testTitle, text: m.push.testBody, url: "/settings/notifications", ttlSeconds: HOUR };
}
