import { messagesFor, type Reader } from "./catalogue";
import { escapeHtml as esc } from "./alert-messages";
import { formatDay, formatList } from "./format";
import type { NarrativeFigures } from "./types";

/**
 * The template narrative of a patient's day, in one language: the floor under the model's narrative
 * (docs/decisions/031). Says only what the figures say.
 */
export function templateNarrative(language: string, f: NarrativeFigures): string {
  const n = messagesFor(language).narrative;
  const m = messagesFor(language);
  return [
    f.reminders.total ? n.reminders(f.name, f.reminders.done, f.reminders.total, f.reminders.missed) : n.noReminders(f.name),
    f.medications.total ? n.medications(f.medications.done, f.medications.total) : "",
    f.conversations ? n.conversations(f.conversations, m.mood[f.mood ?? "unknown"]) : f.companionOn ? n.noConversations : n.companionOff,
    f.healthMentions.length ? n.health(formatList(m, f.healthMentions)) : "",
    f.activeHours ? n.active(f.activeHours) : n.noActivity,
    f.alerts ? n.alerts(f.alerts) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

interface SummaryForMessage {
  /** the patient's local day, `YYYY-MM-DD` */
  day: string;
  patient: { firstName: string; lastName: string };
  narrative: string;
}

export function summaryEmail(reader: Reader, s: SummaryForMessage, link: string) {
  const m = messagesFor(reader.language);
  const heading = m.summary.heading(`${s.patient.firstName} ${s.patient.lastName}`, formatDay(m, s.day));
  return {
    subject: m.summary.emailSubject,
    text: `${heading}\n\n${s.narrative}\n\n${link}`,
    html: `<h1>${esc(heading)}</h1><p>${esc(s.narrative)}</p><p><a href="${esc(link)}">${esc(m.summary.open)}</a></p>`,
  };
}

export function summarySmsText(reader: Reader, s: SummaryForMessage): string {
  const m = messagesFor(reader.language);
  return m.summary.sms(`${s.patient.firstName} ${s.patient.lastName}`, formatDay(m, s.day), s.narrative).slice(0, 600);
}
