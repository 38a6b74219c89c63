import type { CommunicationStyle, ScheduleType } from "@/lib/db/generated/client";

/** How the patient likes to be spoken to (SPEC §6): three tones in English; in Spanish `formal` is usted, the others tú. */
export type Style = CommunicationStyle;

/** Topics a conversation starter can open with (lib/conversations/conversation-starters.ts). */
export const STARTER_TOPICS = ["family", "garden", "food", "weather", "pets", "music", "faith", "tv", "friends", "reading", "exercise"] as const;
export type StarterTopic = (typeof STARTER_TOPICS)[number];

/**
 * Every message the server sends to the patient's phone or speaks through it, with its parameters. A catalogue
 * is a renderer for each key (`Catalogue`), so a language that misses a key, or renders it from other
 * parameters, does not compile. Times are passed as instants with the patient's time zone: the catalogue
 * formats them for its language.
 */
export interface MessageParams {
  /** who the companion talks to when the profile has no name */
  "name.fallback": Record<string, never>;
  /** the lock screen of a reminder push: its kind only, never its title (SPEC §7) */
  "reminder.lock_title": { again: boolean };
  "reminder.lock_body": { type: ScheduleType };
  /** what the app speaks once opened: the whole reminder, with its local time */
  "reminder.speak": { type: ScheduleType; title: string; message: string | null; at: Date; timeZone: string };
  /** the inactivity check-in ("Are you all right?"), with an opener in the same language when there is one */
  "check_in.title": Record<string, never>;
  "check_in.body": { name: string; starter: string | null };
  "starter.topic": { topic: StarterTopic };
  "starter.interest": { interest: string };
  "starter.relative": { name: string };
  /** the companion's templated replies (lib/companion/offline-reply.ts) */
  "reply.critical": { name: string; selfHarm: boolean };
  "reply.high": { name: string };
  "reply.reminder_done": { name: string };
  "reply.missed_medication": { name: string };
  "reply.lonely": { name: string };
  "reply.unwell": { name: string };
  "reply.greeting": { name: string };
  "reply.farewell": { name: string };
  "reply.positive": { name: string };
  "reply.question": { name: string };
  "reply.default": { name: string };
  /** the ask-back safety question (lib/companion/ask-back.ts), naming the first caregiver when there is one */
  "safety.ask": { name: string; caregiver: string | null };
  "safety.ask_again": { name: string };
  "safety.all_clear": { name: string };
  /** the answer while the companion is switched off (lib/companion/companion-off.ts) */
  companion_off: { name: string; alerting: boolean; reminderHint: boolean };
}

export type MessageKey = keyof MessageParams;

export type Catalogue = { [K in MessageKey]: (params: MessageParams[K], style: Style) => string };
