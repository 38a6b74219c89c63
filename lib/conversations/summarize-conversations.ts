import "server-only";
import { DateTime } from "luxon";
import { db } from "@/lib/db/client";

/** A conversation has ended when this long has passed since its last turn (the companion's grouping gap). */
export const CONVERSATION_ENDED_AFTER_MS = 10 * 60_000;
const RANK = { none: 0, low: 1, medium: 2, high: 3, critical: 4 } as const;

export interface TurnForSummary {
  createdAt: Date;
  sentiment: string | null;
  urgencyLevel: keyof typeof RANK;
  topics: string[];
  healthMentions: string[];
  analysis: unknown;
  reminderTitle: string | null;
}

const list = (xs: string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A short summary of one conversation for the care team, in plain English, built from each turn's analysis
 * (the model's or the offline analyzer's): when and how long, what about, the mood and how it moved, health
 * mentions, reminders confirmed by voice, whether an alert was raised, and the companion's notes. No
 * transcript text: the summary is what a caregiver scans in a list.
 */
export function summarizeConversation(turns: TurnForSummary[], timezone: string): string {
  if (turns.length === 0) return "";
  const at = (d: Date) => DateTime.fromJSDate(d, { zone: timezone }).toFormat("h:mm a");
  const first = turns[0];
  const last = turns.at(-1)!;
  const span = first === last ? `at ${at(first.createdAt)}` : `${at(first.createdAt)} to ${at(last.createdAt)}`;
  const parts = [`${plural(turns.length, "exchange")}, ${span}.`];
  const topics = [...new Set(turns.flatMap((t) => t.topics).filter((t) => t !== "health"))];
  if (topics.length) parts.push(`Talked about ${list(topics.slice(0, 5))}.`);
  const moods = turns.map((t) => t.sentiment).filter((s): s is string => !!s);
  const distinct = moods.filter((m, i) => i === 0 || moods[i - 1] !== m);
  if (distinct.length === 1) parts.push(`Mood: ${distinct[0]}.`);
  else if (distinct.length > 1) parts.push(`Mood went from ${distinct[0]} to ${distinct.at(-1)}.`);
  const health = [...new Set(turns.flatMap((t) => t.healthMentions))];
  if (health.length) parts.push(`Mentioned ${list(health.slice(0, 5))}.`);
  const done = [...new Set(turns.map((t) => t.reminderTitle).filter((t): t is string => !!t))];
  if (done.length) parts.push(`Confirmed by voice: ${list(done)}.`);
  const worst = turns.reduce((w, t) => (RANK[t.urgencyLevel] > RANK[w] ? t.urgencyLevel : w), "none" as keyof typeof RANK);
  if (RANK[worst] >= RANK.high) parts.push(`Urgency reached ${worst}: the care team was alerted.`);
  else if (worst === "medium") parts.push("Something worth a follow-up call came up.");
  const notes = [
    ...new Set(
      turns
        .map((t) => (t.analysis as { caregiver_note?: unknown } | null)?.caregiver_note)
        .filter((n): n is string => typeof n === "string" && n.trim().length > 0),
    ),
  ];
  if (notes.length) parts.push(`Companion's note: ${notes.slice(-2).join(" ")}`);
  return parts.join(" ").slice(0, 2000);
}

/**
 * Summarize every conversation that has ended (no turn for 10 minutes) and has no summary yet, oldest first,
 * at most `limit` per run (the job runs every 10 minutes and catches up). Idempotent: a summarized
 * conversation is never picked again, and a conversation cannot grow after it ended (a new turn after the gap
 * starts a new conversation).
 */
export async function summarizeEndedConversations(now: Date, limit = 500) {
  const ended = await db.conversation.findMany({
    where: { summary: null, turnCount: { gt: 0 }, lastTurnAt: { lte: new Date(now.getTime() - CONVERSATION_ENDED_AFTER_MS) } },
    orderBy: { lastTurnAt: "asc" },
    take: limit,
    select: {
      id: true,
      patient: { select: { timezone: true } },
      turns: {
        orderBy: { sequence: "asc" },
        select: {
          createdAt: true,
          sentiment: true,
          urgencyLevel: true,
          topics: true,
          healthMentions: true,
          analysis: true,
          reminder: { select: { title: true } },
        },
      },
    },
  });
  for (const c of ended) {
    const summary = summarizeConversation(
      c.turns.map((t) => ({ ...t, reminderTitle: t.reminder?.title ?? null })),
      c.patient.timezone,
    );
    await db.conversation.updateMany({ where: { id: c.id, summary: null }, data: { summary } });
  }
  return { summarized: ended.length };
}
