import type { DailySummary } from "@/lib/db/generated/client";
import type { NarrativeFigures } from "@/lib/caregiver-messages/types";

interface Details {
  health_mentions?: string[];
  medications?: { done: number; total: number };
  companion_on?: boolean;
}

/** What a stored summary says, as the narrative (template or model) may tell it; `name` is how the patient is called. */
export function figuresOf(s: DailySummary, name: string): NarrativeFigures {
  const d = (s.details ?? {}) as Details;
  return {
    name,
    reminders: { total: s.totalReminders, done: s.completedReminders, missed: s.missedReminders },
    medications: d.medications ?? { done: 0, total: 0 },
    conversations: s.conversationCount,
    mood: s.overallSentiment,
    companionOn: d.companion_on ?? s.narrativeSource !== "template:companion_off",
    healthMentions: d.health_mentions ?? [],
    activeHours: s.activeHours.length,
    alerts: s.alertCount,
  };
}

/**
 * Every number a narrative of this summary may contain (docs/decisions/031): its counts, its adherence as whole
 * (and one-decimal) percentages, the hours of the day it saw activity in (24- and 12-hour), and its date.
 */
export function numbersOf(s: DailySummary, f: NarrativeFigures): Set<number> {
  const pct = (r: number | null) => (r === null ? [] : [Math.round(r * 100), Math.round(r * 1000) / 10]);
  const day = s.summaryDate;
  return new Set([
    f.reminders.total,
    f.reminders.done,
    f.reminders.missed,
    f.medications.total,
    f.medications.done,
    f.medications.total - f.medications.done,
    f.conversations,
    f.activeHours,
    f.alerts,
    ...pct(s.adherenceOverall),
    ...pct(s.adherenceMedication),
    ...pct(s.adherenceMeal),
    ...s.activeHours.flatMap((h) => [h, h % 12 === 0 ? 12 : h % 12]),
    day.getUTCDate(),
    day.getUTCMonth() + 1,
    day.getUTCFullYear(),
  ]);
}
