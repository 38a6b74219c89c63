import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPatientAccess } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { SENTIMENT_SCORE } from "@/lib/summaries/compute-daily-summary";
import { bucketsOf, localToday, rangeInstants, resolveRange } from "@/lib/analytics/range";
import type { rangeQuery } from "@/lib/analytics/schemas";
import { usableZone } from "@/lib/time-zones/check-zone";
import type { moodTrendQuery, trendingTopicsQuery } from "./schemas";

async function patientRange(actor: Actor, patientId: string, q: z.infer<typeof rangeQuery>, now: Date, action: string) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  // a stored zone nobody can compute with is read as its canonical zone, or UTC (decision 015)
  const timezone = usableZone((await db.patient.findUniqueOrThrow({ where: { id: patientId }, select: { timezone: true } })).timezone);
  const range = resolveRange(q, localToday(now, timezone));
  await recordAudit(db, actor, { action, targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return { timezone, range, at: rangeInstants(range, timezone) };
}

const SCORE_SQL = `CASE sentiment ${Object.entries(SENTIMENT_SCORE)
  .map(([s, v]) => `WHEN '${s}' THEN ${v}`)
  .join(" ")} END`;

/**
 * How the patient has sounded, per local day or ISO week (Monday first): turns by sentiment and a mood score
 * on the daily summaries' scale, from -2 (distressed) to 1 (positive), averaged over the turns that had a
 * sentiment; buckets without conversation are present with zero turns and no score, so a chart shows the
 * silence too.
 */
export async function moodTrend(actor: Actor, patientId: string, q: z.infer<typeof moodTrendQuery>, now: Date) {
  const { timezone, range, at } = await patientRange(actor, patientId, q, now, "conversation.mood_trend.read");
  const rows = await db.$queryRawUnsafe<
    { bucket: string; turns: number; positive: number; neutral: number; concerned: number; distressed: number; mood: number | null }[]
  >(
    `SELECT date_trunc($4, created_at AT TIME ZONE $3)::date::text AS bucket,
            count(*)::int AS turns,
            count(*) FILTER (WHERE sentiment = 'positive')::int AS positive,
            count(*) FILTER (WHERE sentiment = 'neutral')::int AS neutral,
            count(*) FILTER (WHERE sentiment = 'concerned')::int AS concerned,
            count(*) FILTER (WHERE sentiment = 'distressed')::int AS distressed,
            round(avg(${SCORE_SQL})::numeric, 2)::float8 AS mood
     FROM conversation_turns
     WHERE patient_id = $1::uuid AND created_at >= $2::timestamptz AND created_at < $5::timestamptz
     GROUP BY 1 ORDER BY 1`,
    patientId,
    at.start,
    timezone,
    q.granularity,
    at.end,
  );
  const byBucket = new Map(rows.map((row) => [row.bucket, row]));
  const buckets = bucketsOf(range, q.granularity).map(({ key, start, end }) => {
    const row = byBucket.get(key);
    return {
      start,
      end,
      turns: row?.turns ?? 0,
      positive: row?.positive ?? 0,
      neutral: row?.neutral ?? 0,
      concerned: row?.concerned ?? 0,
      distressed: row?.distressed ?? 0,
      mood_score: row?.mood ?? null,
    };
  });
  return { patient_id: patientId, timezone, granularity: q.granularity, from: range.from, to: range.to, buckets };
}

const trendOf = (count: number, before: number): "new" | "rising" | "falling" | "steady" =>
  before === 0 ? "new" : count >= before * 1.25 ? "rising" : count <= before * 0.8 ? "falling" : "steady";

/**
 * What the patient talks about: how many turns touched each topic over the range, against the previous
 * range of the same length, with a trend word for each: new, rising, falling or steady.
 */
export async function trendingTopics(actor: Actor, patientId: string, q: z.infer<typeof trendingTopicsQuery>, now: Date) {
  const { range, at } = await patientRange(actor, patientId, q, now, "conversation.topics.read");
  const rows = await db.$queryRaw<{ topic: string; count: number; previous_count: number }[]>`
    SELECT topic,
           count(*) FILTER (WHERE created_at >= ${at.start})::int AS count,
           count(*) FILTER (WHERE created_at < ${at.start})::int AS previous_count
    FROM conversation_turns, unnest(topics) AS topic
    WHERE patient_id = ${patientId}::uuid AND created_at >= ${at.previousStart} AND created_at < ${at.end}
    GROUP BY topic
    HAVING count(*) FILTER (WHERE created_at >= ${at.start}) > 0
    ORDER BY count DESC, topic
    LIMIT ${q.limit}`;
  return {
    patient_id: patientId,
    from: range.from,
    to: range.to,
    previous: { from: range.previous.from, to: range.previous.to },
    topics: rows.map((t) => ({ ...t, trend: trendOf(t.count, t.previous_count) })),
  };
}
