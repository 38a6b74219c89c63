import type { AlertType, Severity } from "@/lib/db/generated/enums";
import { messagesFor, type Reader } from "./catalogue";
import { alertKindOf } from "./alert-kind";
import { formatMoment, formatPercent } from "./format";
import type { CaregiverMessages } from "./types";

/** An alert as the messages about it need it. */
export interface AlertForMessage {
  id: string;
  type: AlertType;
  severity: Severity;
  source: string;
  evidence: unknown;
  ackCode: string | null;
  firstOccurredAt: Date;
  patient: { firstName: string; lastName: string; preferredName?: string | null };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
export const escapeHtml = esc;

/** What the alert is about, in a few words of the reader's language: no condition, no medication. */
export function alertWhat(m: CaregiverMessages, alert: Pick<AlertForMessage, "type" | "severity" | "source" | "evidence">): string {
  const k = alertKindOf(alert);
  return m.kinds[k.name]({ hours: k.hours, ...(k.battery !== undefined ? { battery: formatPercent(m, k.battery) } : {}) });
}

const fullName = (a: AlertForMessage) => `${a.patient.firstName} ${a.patient.lastName}`;

/** SMS: severity, patient, what, and how to acknowledge by reply. */
export function alertSmsText(reader: Reader, alert: AlertForMessage, link: string): string {
  const m = messagesFor(reader.language);
  return m.alertSms({ severity: m.severity[alert.severity], who: fullName(alert), what: alertWhat(m, alert), code: alert.ackCode, link }).replace(/\s+/g, " ");
}

/** Email: the subject names no patient, condition or medication; the body says what, when, what to do. */
export function alertEmail(reader: Reader, alert: AlertForMessage, link: string) {
  const m = messagesFor(reader.language);
  const k = alertKindOf(alert);
  const severity = m.severity[alert.severity];
  const lines = [
    m.alertEmail.heading(fullName(alert), alertWhat(m, alert)),
    m.alertEmail.severityLine(severity, formatMoment(m, alert.firstOccurredAt, reader.timezone)),
    k.reminder ? m.alertEmail.reminderLine(k.reminder.title, formatMoment(m, k.reminder.dueAt, reader.timezone)) : "",
    k.excerpt ? m.alertEmail.saidLine(k.excerpt) : "",
    m.actions[k.name](alert.patient.preferredName || alert.patient.firstName),
  ].filter(Boolean);
  const reply = alert.ackCode ? m.alertEmail.orReply(alert.ackCode) : "";
  return {
    subject: m.alertEmail.subject(severity),
    text: `${lines.join("\n\n")}\n\n${m.alertEmail.open}: ${link}${reply ? `\n${reply}` : ""}`,
    html: `<p><strong>${esc(lines[0])}</strong></p>${lines
      .slice(1)
      .map((l) => `<p>${esc(l)}</p>`)
      .join("")}<p><a href="${esc(link)}">${esc(m.alertEmail.open)}</a></p>${reply ? `<p>${esc(reply)}</p>` : ""}`,
  };
}

/** A call: who and what, then the keypad prompt, spoken in the reader's language. */
export function alertCall(reader: Reader, alert: AlertForMessage) {
  const m = messagesFor(reader.language);
  return { text: m.call.intro(fullName(alert), alertWhat(m, alert)), spoken: { ...m.voice, prompt: m.call.prompt, noKey: m.call.noKey } };
}

/** The digest of held messages: one line per patient with what each alert was about. */
export function digestMessage(reader: Reader, alerts: AlertForMessage[]) {
  const m = messagesFor(reader.language);
  const byPatient = new Map<string, string[]>();
  for (const a of alerts) byPatient.set(fullName(a), [...(byPatient.get(fullName(a)) ?? []), m.digest.item(alertWhat(m, a), m.severity[a.severity])]);
  const lines = [...byPatient].map(([who, items]) => `${who}: ${items.join("; ")}`);
  return { subject: m.digest.subject, text: m.digest.text(alerts.length, lines), html: `<p>${lines.map(esc).join("<br>")}</p>` };
}
