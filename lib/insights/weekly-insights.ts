import "server-only";
import { z } from "zod";
import { DateTime } from "luxon";
import { db, type Prisma } from "@/lib/db/client";
import type { Insight } from "@/lib/db/generated/client";
import { assertPatientAccess } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { pageArgs, toPage, type SortKey } from "@/lib/api/pagination";
import { recordAudit } from "@/lib/audit/record-audit";
import { SENTIMENT_SCORE } from "@/lib/summaries/compute-daily-summary";
import type { listInsightsQuery } from "./schemas";

const GENERATED_BY = "weekly-patterns";
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const confidenceFrom = (evidence: number, enough: number) => round(Math.min(0.95, 0.3 + (0.65 * evidence) / enough));

/** Least-squares slope of y over x = 0..n-1 (per day). */
function slope(ys: number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

/**
 * Patterns over the patient's last 7 local days (SPEC §5): mood trend, adherence trend against the week
 * before, recurring topics, and the time of day they are active. Each insight carries its confidence and
 * the evidence it rests on. Re-running for the same week replaces that week's insights.
 */
export async function generateWeeklyInsights(patientId: string, now: Date) {
  const p = await db.patient.findUniqueOrThrow({ where: { id: patientId }, select: { timezone: true, firstName: true, preferredName: true } });
  const name = p.preferredName || p.firstName;
  const today = DateTime.fromJSDate(now, { zone: p.timezone }).startOf("day");
  const start = today.minus({ days: 7 });
  const prevStart = today.minus({ days: 14 });
  const [turns, reminders, activity] = await Promise.all([
    db.conversationTurn.findMany({
      where: { patientId, createdAt: { gte: start.toJSDate(), lt: today.toJSDate() } },
      select: { createdAt: true, sentiment: true, topics: true },
    }),
    db.reminder.findMany({
      where: { patientId, dueAt: { gte: prevStart.toJSDate(), lt: today.toJSDate() }, status: { in: ["completed", "missed"] } },
      select: { dueAt: true, status: true },
    }),
    db.activityLog.findMany({
      where: { patientId, occurredAt: { gte: start.toJSDate(), lt: today.toJSDate() }, activityType: { notIn: ["heartbeat", "caregiver_contact"] } },
      select: { occurredAt: true },
    }), // the patient's own habits, not when caregivers called
  ]);
  const periodStart = new Date(`${start.toISODate()}T00:00:00Z`);
  const periodEnd = new Date(`${today.minus({ days: 1 }).toISODate()}T00:00:00Z`);
  const insights: Prisma.InsightCreateManyInput[] = [];
  const base = { patientId, periodStart, periodEnd, generatedBy: GENERATED_BY, createdAt: now };

  // mood trend: the daily mean sentiment score, and its slope
  const byDay = new Map<string, number[]>();
  for (const t of turns) {
    if (!t.sentiment) continue;
    const d = DateTime.fromJSDate(t.createdAt, { zone: p.timezone }).toISODate()!;
    byDay.set(d, [...(byDay.get(d) ?? []), SENTIMENT_SCORE[t.sentiment]]);
  }
  const days = [...byDay.keys()].sort();
  if (days.length >= 3) {
    const means = days.map((d) => byDay.get(d)!.reduce((a, b) => a + b, 0) / byDay.get(d)!.length);
    const s = slope(means);
    const trend = s > 0.1 ? "improving" : s < -0.1 ? "declining" : "steady";
    insights.push({
      ...base,
      insightType: "health_trend",
      category: "mood",
      title: `Mood ${trend} this week`,
      description: `${name}'s mood in conversations was ${trend} over the last 7 days (${turns.length} conversations on ${days.length} days).`,
      confidence: confidenceFrom(days.length, 7),
      evidence: days.map((d, i) => ({ date: d, mean_score: round(means[i]) })),
    });
  }

  // adherence: this week against the week before
  const week = (from: DateTime, to: DateTime) => reminders.filter((r) => r.dueAt >= from.toJSDate() && r.dueAt < to.toJSDate());
  const rate = (rows: typeof reminders) => (rows.length ? rows.filter((r) => r.status === "completed").length / rows.length : null);
  const thisWeek = week(start, today);
  const lastWeek = week(prevStart, start);
  const now7 = rate(thisWeek);
  if (now7 !== null) {
    const before = rate(lastWeek);
    const change = before === null ? null : now7 - before;
    const trend =
      change === null
        ? ""
        : change > 0.05
          ? ", up from the week before"
          : change < -0.05
            ? ", down from the week before"
            : ", about the same as the week before";
    insights.push({
      ...base,
      insightType: "pattern",
      category: "medication",
      title: `${Math.round(now7 * 100)}% of reminders done this week`,
      description: `${name} completed ${thisWeek.filter((r) => r.status === "completed").length} of ${thisWeek.length} reminders in the last 7 days${trend}.`,
      confidence: confidenceFrom(thisWeek.length, 20),
      // completed too, so the dashboard can say it in another language (lib/insights/insight-text.ts)
      evidence: [
        { period: "this_week", rate: round(now7), reminders: thisWeek.length, completed: thisWeek.filter((r) => r.status === "completed").length },
        ...(before !== null
          ? [{ period: "previous_week", rate: round(before), reminders: lastWeek.length, completed: lastWeek.filter((r) => r.status === "completed").length }]
          : []),
      ],
    });
  }

  // recurring topics
  const topics = new Map<string, number>();
  for (const t of turns) for (const topic of t.topics) topics.set(topic, (topics.get(topic) ?? 0) + 1);
  const recurring = [...topics]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  if (recurring.length) {
    insights.push({
      ...base,
      insightType: "preference",
      category: "communication",
      title: `Often talks about ${recurring.map(([t]) => t).join(", ")}`,
      description: `Topics that came back in ${name}'s conversations this week: ${recurring.map(([t, n]) => `${t} (${n} times)`).join(", ")}.`,
      confidence: confidenceFrom(recurring[0][1], 6),
      evidence: recurring.map(([topic, count]) => ({ topic, count })),
    });
  }

  // time of day: the hours of app use, conversations and acknowledgements
  if (activity.length >= 5) {
    const hours = new Array(24).fill(0) as number[];
    for (const a of activity) hours[DateTime.fromJSDate(a.occurredAt, { zone: p.timezone }).hour]++;
    const busiest = hours
      .map((n, h) => [h, n] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .filter(([, n]) => n > 0);
    const label = (h: number) => DateTime.fromObject({ hour: h }).toFormat("h a");
    insights.push({
      ...base,
      insightType: "behavior",
      category: "activity",
      title: `Most active around ${busiest.map(([h]) => label(h)).join(", ")}`,
      description: `${name} used the phone most often around ${busiest.map(([h]) => label(h)).join(", ")} (local time) this week.`,
      confidence: confidenceFrom(activity.length, 40),
      evidence: busiest.map(([hour, count]) => ({ hour, count })),
    });
  }

  await db.$transaction([db.insight.deleteMany({ where: { patientId, periodStart, generatedBy: GENERATED_BY } }), db.insight.createMany({ data: insights })]);
  return { patientId, insights: insights.length };
}

/** Patients with any activity since `since` (the weekly job's fan-out list), in one statement. */
export async function patientsActiveSince(since: Date) {
  return db.$queryRaw<{ patient_id: string; organization_id: string }[]>`
    SELECT id AS patient_id, organization_id FROM patients WHERE is_active AND last_active_at >= ${since}`;
}

const present = (i: Insight) => ({
  id: i.id,
  patient_id: i.patientId,
  insight_type: i.insightType,
  category: i.category,
  title: i.title,
  description: i.description,
  confidence: i.confidence,
  evidence: (i.evidence ?? []) as unknown[],
  period_start: i.periodStart.toISOString().slice(0, 10),
  period_end: i.periodEnd.toISOString().slice(0, 10),
  generated_by: i.generatedBy,
  created_at: i.createdAt.toISOString(),
});

const KEYS: SortKey[] = [{ field: "createdAt", type: "date" }];

export async function listInsights(actor: Actor, patientId: string, q: z.infer<typeof listInsightsQuery>) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const filters: Prisma.InsightWhereInput[] = [{ patientId, isActive: true }];
  if (q.category) filters.push({ category: q.category });
  const rows = await db.insight.findMany({
    ...pageArgs({ AND: filters }, KEYS, q),
  });
  await recordAudit(db, actor, { action: "insight.listed", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return toPage(rows, q.limit, KEYS, present);
}
