import "server-only";
import { DateTime } from "luxon";
import type { Tx } from "@/lib/db/client";
import type { Sentiment } from "@/lib/db/generated/client";
import { consentInForce } from "@/lib/consents/consent-in-force";
import { templateNarrative } from "@/lib/caregiver-messages/summary-messages";

export const SENTIMENT_SCORE: Record<Sentiment, number> = { positive: 1, neutral: 0, concerned: -1, distressed: -2 };

const ratio = (done: number, total: number) => (total === 0 ? null : Math.round((done / total) * 1000) / 1000);

function moodOf(counts: Partial<Record<Sentiment, number>>): Sentiment | null {
  const n = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  if (n === 0) return null;
  // the worst sentiment that is not a lone outlier speaks for the day
  if ((counts.distressed ?? 0) > 0) return "distressed";
  const score = (Object.entries(counts) as [Sentiment, number][]).reduce((a, [s, c]) => a + SENTIMENT_SCORE[s] * c, 0) / n;
  return score >= 0.5 ? "positive" : score > -0.5 ? "neutral" : "concerned";
}

/**
 * One patient's local day so far (SPEC §5): reminders done and missed, adherence overall and for
 * medications and meals (from the schedule type each instance carries, never from titles), conversations
 * and mood, the hours with activity, alerts. `localDate` is read in the patient's zone; only what was due
 * by `now` counts. Stored once per patient and day (regenerating replaces it).
 */
export async function computeDailySummary(tx: Tx, patientId: string, localDate: string, now: Date) {
  const p = await tx.patient.findUniqueOrThrow({ where: { id: patientId }, select: { firstName: true, preferredName: true, timezone: true } });
  const start = DateTime.fromISO(localDate, { zone: p.timezone }).startOf("day");
  const from = start.toJSDate();
  const end = start.plus({ days: 1 }).toJSDate();
  const until = now < end ? now : end;
  const [reminders, turns, activity, alerts] = await Promise.all([
    tx.reminder.findMany({ where: { patientId, dueAt: { gte: from, lt: until }, status: { not: "skipped" } }, select: { type: true, status: true } }),
    tx.conversationTurn.findMany({
      where: { patientId, createdAt: { gte: from, lt: until } },
      select: { sentiment: true, topics: true, healthMentions: true },
    }),
    tx.activityLog.findMany({ where: { patientId, occurredAt: { gte: from, lt: until } }, select: { occurredAt: true } }),
    tx.alert.count({ where: { patientId, createdAt: { gte: from, lt: until } } }),
  ]);
  const count = (rows: typeof reminders) => ({
    total: rows.length,
    done: rows.filter((r) => r.status === "completed").length,
    missed: rows.filter((r) => r.status === "missed").length,
  });
  const all = count(reminders);
  const meds = count(reminders.filter((r) => r.type === "medication"));
  const meals = count(reminders.filter((r) => r.type === "meal"));
  const sentiments: Partial<Record<Sentiment, number>> = {};
  for (const t of turns) if (t.sentiment) sentiments[t.sentiment] = (sentiments[t.sentiment] ?? 0) + 1;
  const mood = moodOf(sentiments);
  const hours = [...new Set(activity.map((a) => DateTime.fromJSDate(a.occurredAt, { zone: p.timezone }).hour))].sort((a, b) => a - b);
  const topics = [...new Set(turns.flatMap((t) => t.topics))].slice(0, 8);
  const health = [...new Set(turns.flatMap((t) => t.healthMentions))].slice(0, 8);
  // SPEC §8: a model may write a narrative only while the patient's `ai_companion` consent is in force
  // (lib/summaries/summary-narrative.ts); the stored narrative is the English template, which says when the companion is off
  const companionOn = await consentInForce(tx, patientId, "ai_companion");
  const narrative = templateNarrative("en", {
    name: p.preferredName || p.firstName,
    reminders: all,
    medications: { done: meds.done, total: meds.total },
    conversations: turns.length,
    mood,
    companionOn,
    healthMentions: health,
    activeHours: hours.length,
    alerts,
  });
  const data = {
    totalReminders: all.total,
    completedReminders: all.done,
    missedReminders: all.missed,
    adherenceOverall: ratio(all.done, all.total),
    adherenceMedication: ratio(meds.done, meds.total),
    adherenceMeal: ratio(meals.done, meals.total),
    conversationCount: turns.length,
    overallSentiment: mood,
    activeHours: hours,
    alertCount: alerts,
    narrative,
    narrativeSource: companionOn ? "template" : "template:companion_off",
    details: {
      sentiments,
      topics,
      health_mentions: health,
      medications: { done: meds.done, total: meds.total },
      companion_on: companionOn,
      through: until.toISOString(),
    },
    generatedAt: now,
  };
  const summaryDate = new Date(`${localDate}T00:00:00Z`);
  return tx.dailySummary.upsert({
    where: { patientId_summaryDate: { patientId, summaryDate } },
    create: { patientId, summaryDate, ...data },
    update: data,
  });
}
