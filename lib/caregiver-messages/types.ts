import type { Sentiment, Severity } from "@/lib/db/generated/enums";

/**
 * What an alert is about, as a caregiver is told it outside the dashboard (SMS, calls, email, Web Push,
 * the digest): derived from the alert's type, the rule that fired and its evidence (lib/caregiver-messages/alert-kind.ts),
 * never from its stored English title. Names no condition and no medication.
 */
export const ALERT_KINDS = [
  "emergency_button",
  "danger_said",
  "concern_said",
  "safety_question_unanswered",
  "missed_medication",
  "missed_reminder",
  "inactivity",
  "phone_offline",
  "battery_low",
  "emergency",
  "health_concern",
  "unusual_pattern",
  "device",
] as const;
export type AlertKindName = (typeof ALERT_KINDS)[number];

/** The figures a kind's sentence may carry: hours of silence, a battery level (already formatted for the locale). */
export interface KindDetail {
  hours?: number;
  battery?: string;
}

/** A patient's day as the narrative template reads it (the daily summary's figures). */
export interface NarrativeFigures {
  name: string;
  reminders: { total: number; done: number; missed: number };
  medications: { total: number; done: number };
  conversations: number;
  mood: Sentiment | null;
  companionOn: boolean;
  healthMentions: string[];
  activeHours: number;
  alerts: number;
}

/**
 * Every message a caregiver receives outside the dashboard, in one language (docs/decisions/031). Both
 * catalogues (en.ts, es.ts) implement this interface; catalogue.test.ts fails when either misses a key.
 */
export interface CaregiverMessages {
  /** the BCP 47 tag dates, numbers and lists are formatted with */
  intlLocale: string;
  /** the voice and language of a call's `<Say>` (Twilio) */
  voice: { voice: string; language: string };
  /** words that acknowledge an alert by SMS ("ACK 1234"); every language's words are understood from anyone */
  ackWords: string[];
  /** "critical alert" reads "alerta crítica": the adjective for an alert of each severity */
  severity: Record<Severity, string>;
  mood: Record<Sentiment | "unknown", string>;
  kinds: Record<AlertKindName, (d: KindDetail) => string>;
  /** what to do, by kind; `first` is the patient's first (or preferred) name */
  actions: Record<AlertKindName, (first: string) => string>;
  alertSms: (p: { severity: string; who: string; what: string; code: string | null; link: string }) => string;
  alertEmail: {
    /** names no condition or medication, and no patient */
    subject: (severity: string) => string;
    heading: (who: string, what: string) => string;
    severityLine: (severity: string, when: string) => string;
    reminderLine: (title: string, due: string) => string;
    saidLine: (excerpt: string) => string;
    open: string;
    orReply: (code: string) => string;
  };
  call: { intro: (who: string, what: string) => string; prompt: string; noKey: string; acknowledged: string; notAcknowledged: string };
  smsReply: { help: string; notOnTeam: string; noAlert: (code: string) => string; acknowledged: (first: string, who: string) => string };
  digest: { subject: string; text: (count: number, lines: string[]) => string; item: (what: string, severity: string) => string };
  push: {
    alertTitle: (severity: Severity, first: string) => string;
    alertBody: string;
    summaryTitle: (first: string) => string;
    summaryBody: string;
    digestTitle: (count: number, about: string) => string;
    digestBody: string;
    yourPatients: string;
    testTitle: string;
    testBody: string;
  };
  summary: { emailSubject: string; heading: (who: string, day: string) => string; open: string; sms: (who: string, day: string, narrative: string) => string };
  narrative: {
    reminders: (name: string, done: number, total: number, missed: number) => string;
    noReminders: (name: string) => string;
    medications: (done: number, total: number) => string;
    conversations: (count: number, mood: string) => string;
    noConversations: string;
    companionOff: string;
    health: (list: string) => string;
    active: (hours: number) => string;
    noActivity: string;
    alerts: (count: number) => string;
  };
  /** an invitation to join an organization, in the inviter's language (the invitee has none known yet); `until` is formatted */
  invitation: {
    subject: (inviter: string, org: string) => string;
    email: (inviter: string, org: string, until: string, link: string) => string;
    sms: (inviter: string, org: string, until: string, link: string) => string;
  };
  /** to an organization's owners at 80% of its monthly SMS cap (lib/usage/sms-cap.ts) */
  smsCap: { subject: (org: string, percent: string) => string; text: (org: string, sent: number, cap: number, link: string) => string };
  /** the model's instructions for the summary narrative (lib/summaries/summary-narrative.ts) */
  narrativePrompt: (name: string) => string;
}
