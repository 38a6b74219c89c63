import "server-only";
import { z } from "zod";
import { DateTime } from "luxon";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertPatientAccess } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { isoDate } from "@/lib/validation/common";

const MAX_DAYS = 366;

/** A range of the patient's local calendar days, both ends included; defaults end today and span `days`. */
const localRange = {
  from: isoDate.optional(),
  to: isoDate.optional(),
};
const rangeIsSane = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const rangeMessage = { message: "`to` must be on or after `from`.", path: ["to"] };

export const moodTrendQuery = z.strictObject({ ...localRange, granularity: z.enum(["day", "week"]).default("day") }).refine(rangeIsSane, rangeMessage);
export const trendingTopicsQuery = z.strictObject({ ...localRange, limit: z.coerce.number().int().min(1).max(50).default(10) }).refine(rangeIsSane, rangeMessage);

/** The local days asked for, as instants in the patient's zone: [start, end) plus the ISO dates back. */
function resolveRange(q: { from?: string; to?: string }, timezone: string, now: Date, defaultDays: number) {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf("day");
  let to = q.to ? DateTime.fromISO(q.to, { zone: timezone }) : today;
  let from = q.from ? DateTime.fromISO(q.from, { zone: timezone }) : to.minus({ days: defaultDays - 1 });
  if (to.diff(from, "days").days >= MAX_DAYS) from = to.minus({ days: MAX_DAYS - 1 });
  from = from.startOf("day");
  to = to.startOf("day");
  return { from, to, start: from.toJSDate(), end: to.plus({ days: 1 }).toJSDate() };
}

async function patientZone(actor: Actor, patientId: string, action: string) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const p = await db.patient.findUniqueOrThrow({ where: { id: patientId }, select: { timezone: true } });
  await recordAudit(db, actor, { action, targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return p.timezone;
}

const MOOD_SCORE = "CASE sentiment WHEN 'positive' THEN 1 WHEN 'neutral' THEN 0 WHEN 'concerned' THEN -0.5 WHEN 'distressed' THEN -1 END";

/**
 * How the patient has sounded, per local day or ISO week (Monday first): turns by sentiment and a mood score
 * from -1 (distressed) to 1 (positive), averaged over the turns that had a sentiment; buckets without
 * conversation are present with zero turns and no score, so a chart shows the silence too.
 */
export async function moodTrend(actor: Actor, patientId: string, q: z.infer<typeof moodTrendQuery>, now: Date) {
  const timezone = await patientZone(actor, patientId, "conversation.mood_trend.read");
  const r = resolveRange(q, timezone, now, q.granularity === "day" ? 30 : 12 * 7);
  const rows = await db.$queryRawUnsafe<{ bucket: string; turns: number; positive: number; neutral: number; concerned: number; distressed: number; mood: number | null }[]>(
    `SELECT to_char(date_trunc($4, created_at AT TIME ZONE $3), 'YYYY-MM-DD') AS bucket,
            count(*)::int AS turns,
            count(*) FILTER (WHERE sentiment = 'positive')::int AS positive,
            count(*) FILTER (WHERE sentiment = 'neutral')::int AS neutral,
            count(*) FILTER (WHERE sentiment = 'concerned')::int AS concerned,
            count(*) FILTER (WHERE sentiment = 'distressed')::int AS distressed,
            round(avg(${MOOD_SCORE})::numeric, 2)::float8 AS mood
     FROM conversation_turns
     WHERE patient_id = $1::uuid AND created_at >= $2::timestamptz AND created_at < $5::timestamptz
     GROUP BY 1 ORDER BY 1`,
    patientId,
    r.start,
    timezone,
    q.granularity,
    r.end,
  );
  const byBucket = new Map(rows.map((row) => [row.bucket, row]));
  const buckets = [];
  for (let b = q.granularity === "week" ? r.from.startOf("week") : r.from; b <= r.to; b = b.plus(q.granularity === "week" ? { weeks: 1 } : { days: 1 })) {
    const key = b.toISODate()!;
    const row = byBucket.get(key);
    buckets.push({ start: key, turns: row?.turns ?? 0, positive: row?.positive ?? 0, neutral: row?.neutral ?? 0, concerned: row?.concerned ?? 0, distressed: row?.distressed ?? 0, mood_score: row?.mood ?? null });
  }
  return { patient_id: patientId, timezone, granularity: q.granularity, from: r.from.toISODate()!, to: r.to.toISODate()!, buckets };
}

/**
 * What the patient talks about: topic counts over the range (turns that touched the topic) against the
 * previous range of the same length, with a trend word for each: new, rising, falling or steady.
 */
export async function trendingTopics(actor: Actor, patientId: string, q: z.infer<typeof trendingTopicsQuery>, now: Date) {
  const timezone = await patientZone(actor, patientId, "conversation.topics.read");
  const r = resolveRange(q, timezone, now, 30);
  const days = Math.round(r.to.diff(r.from, "days").days) + 1;
  const prevFrom = r.from.minus({ days });
  const rows = await db.$queryRaw<{ topic: string; count: number; previous_count: number }[]>`
    SELECT topic,
           count(*) FILTER (WHERE created_at >= ${r.start})::int AS count,
           count(*) FILTER (WHERE created_at < ${r.start})::int AS previous_count
    FROM conversation_turns, unnest(topics) AS topic
    WHERE patient_id = ${patientId}::uuid AND created_at >= ${prevFrom.toJSDate()} AND created_at < ${r.end}
    GROUP BY topic
    HAVING count(*) FILTER (WHERE created_at >= ${r.start}) > 0
    ORDER BY count DESC, topic
    LIMIT ${q.limit}`;
  const trend = (now: number, before: number) => (before === 0 ? "new" : now >= before * 1.25 ? "rising" : now <= before * 0.8 ? "falling" : "steady");
  return {
    patient_id: patientId,
    from: r.from.toISODate()!,
    to: r.to.toISODate()!,
    previous: { from: prevFrom.toISODate()!, to: r.from.minus({ days: 1 }).toISODate()! },
    topics: rows.map((t) => ({ ...t, trend: trend(t.count, t.previous_count) })),
  };
}
