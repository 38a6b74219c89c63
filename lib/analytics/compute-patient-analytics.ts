import "server-only";
import { SENTIMENT_SCORE } from "@/lib/summaries/compute-daily-summary";
import { bucketsOf, rangeInstants, type DayRange } from "./range";
import type { FigureDeltas, Granularity, PatientAnalytics, PeriodFigures } from "./schemas";

/** Anything with pg's `query(text, values)`: the shared pool (or one of its clients). */
export interface Queryable {
  query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export const GAP_THRESHOLD_MINUTES = 120;
const LONGEST_GAPS = 5;
const TOP_TOPICS = 10;
const SENTIMENTS = ["positive", "neutral", "concerned", "distressed"] as const;
type Sentiment = (typeof SENTIMENTS)[number];

/*
 * Each statement reads the previous and the current range in one index range scan on (patient_id, time)
 * and labels rows with `cur`; only the current range is split into buckets. Buckets are the patient's
 * local days, ISO weeks or months: `ts AT TIME ZONE $tz` is the wall-clock time where the patient lives,
 * so an event at 23:30 local lands on that local day whatever the UTC date, across daylight-saving changes.
 * Parameters: $1 patient, $2 zone, $3 granularity, $4 previous start, $5 current start, $6 end (, $7 now).
 */
const BUCKET = (col: string) => `CASE WHEN ${col} >= $5::timestamptz THEN date_trunc($3::text, ${col} AT TIME ZONE $2::text)::date::text END`;

const ADHERENCE_SQL = `
  SELECT due_at >= $5::timestamptz AS cur, ${BUCKET("due_at")} AS bucket, type::text AS type,
         count(*)::int AS due,
         count(*) FILTER (WHERE status = 'completed')::int AS completed,
         count(*) FILTER (WHERE status = 'missed')::int AS missed
  FROM reminders
  WHERE patient_id = $1::uuid AND due_at >= $4::timestamptz AND due_at < $6::timestamptz AND due_at <= $7::timestamptz
    AND status <> 'skipped'
  GROUP BY 1, 2, 3`;

const CONVERSATIONS_SQL = `
  SELECT started_at >= $5::timestamptz AS cur, ${BUCKET("started_at")} AS bucket, count(*)::int AS n
  FROM conversations
  WHERE patient_id = $1::uuid AND started_at >= $4::timestamptz AND started_at < $6::timestamptz
  GROUP BY 1, 2`;

const SENTIMENT_SQL = `
  SELECT created_at >= $5::timestamptz AS cur, ${BUCKET("created_at")} AS bucket, sentiment::text AS sentiment, count(*)::int AS n
  FROM conversation_turns
  WHERE patient_id = $1::uuid AND created_at >= $4::timestamptz AND created_at < $6::timestamptz
  GROUP BY 1, 2, 3`;

const TOPICS_SQL = `
  SELECT t AS topic, count(*)::int AS n
  FROM conversations c CROSS JOIN LATERAL unnest(c.topics) AS t
  WHERE c.patient_id = $1::uuid AND c.started_at >= $2::timestamptz AND c.started_at < $3::timestamptz
  GROUP BY t ORDER BY n DESC, t LIMIT ${TOP_TOPICS}`;

const ALERTS_SQL = `
  SELECT created_at >= $5::timestamptz AS cur, ${BUCKET("created_at")} AS bucket, type::text AS type, severity::text AS severity, count(*)::int AS n
  FROM alerts
  WHERE patient_id = $1::uuid AND created_at >= $4::timestamptz AND created_at < $6::timestamptz
  GROUP BY 1, 2, 3, 4`;

const MINUTES = (col: string) => `(extract(epoch FROM ${col} - created_at) / 60)::float8`;
const ALERT_TIMES_SQL = `
  SELECT created_at >= $2::timestamptz AS cur,
         count(acknowledged_at)::int AS ack_n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ${MINUTES("acknowledged_at")}) AS ack_p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY ${MINUTES("acknowledged_at")}) AS ack_p90,
         avg(${MINUTES("acknowledged_at")}) AS ack_mean,
         count(resolved_at)::int AS res_n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ${MINUTES("resolved_at")}) AS res_p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY ${MINUTES("resolved_at")}) AS res_p90,
         avg(${MINUTES("resolved_at")}) AS res_mean
  FROM alerts
  WHERE patient_id = $1::uuid AND created_at >= $3::timestamptz AND created_at < $4::timestamptz
  GROUP BY 1`;

// one scan of the activity rows in index order, grouped by local hour (one time-zone conversion per row);
// then days, buckets and hours of the day from those (at most 24 rows a day)
const ACTIVITY_SQL = `
  WITH per_hour AS (
    SELECT date_trunc('hour', occurred_at AT TIME ZONE $2::text) AS h, count(*)::int AS events
    FROM activity_logs
    WHERE patient_id = $1::uuid AND occurred_at >= $4::timestamptz AND occurred_at < $6::timestamptz
    GROUP BY 1
  ),
  d AS (SELECT h >= ($5::timestamptz AT TIME ZONE $2::text) AS cur, h::date AS day, extract(hour FROM h)::int AS hour, events FROM per_hour)
  SELECT cur, CASE WHEN cur THEN date_trunc($3::text, day::timestamp)::date::text END AS bucket, NULL::int AS hour,
         sum(events)::int AS events, count(DISTINCT day)::int AS days
  FROM d GROUP BY 1, 2
  UNION ALL
  SELECT true, NULL, hour, sum(events)::int, count(*)::int FROM d WHERE cur GROUP BY hour`;

// Silences: the time between consecutive activity rows (a window over the index order: no sort), and from
// the range's start (or the first activity ever, when the phone came later) to the first row, and from the
// last row to the range's end (or now). Silences that cross into the current range are split there.
const GAPS_SQL = `
  WITH first AS (SELECT min(occurred_at) AS at FROM activity_logs WHERE patient_id = $1::uuid),
  span AS (SELECT greatest($2::timestamptz, first.at) AS s, least($4::timestamptz, $5::timestamptz) AS e FROM first WHERE first.at IS NOT NULL),
  inside AS (
    SELECT min(occurred_at) AS lo, max(occurred_at) AS hi FROM activity_logs
    WHERE patient_id = $1::uuid AND occurred_at >= $2::timestamptz AND occurred_at < $4::timestamptz AND occurred_at <= $5::timestamptz
  ),
  raw AS (
    SELECT s, e FROM (
      SELECT lag(occurred_at) OVER (ORDER BY occurred_at) AS s, occurred_at AS e FROM activity_logs
      WHERE patient_id = $1::uuid AND occurred_at >= $2::timestamptz AND occurred_at < $4::timestamptz AND occurred_at <= $5::timestamptz
    ) w WHERE e - s >= make_interval(mins => $6::int)
    UNION ALL SELECT span.s, coalesce(inside.lo, span.e) FROM span, inside
    UNION ALL SELECT inside.hi, span.e FROM span, inside WHERE inside.hi IS NOT NULL
  ),
  pieces AS (
    SELECT false AS cur, s, least(e, $3::timestamptz) AS e FROM raw WHERE s < $3::timestamptz
    UNION ALL SELECT true, greatest(s, $3::timestamptz), e FROM raw WHERE e > $3::timestamptz
  ),
  big AS (
    SELECT cur, s, e, (extract(epoch FROM e - s) / 60)::float8 AS minutes,
           count(*) OVER (PARTITION BY cur)::int AS n,
           row_number() OVER (PARTITION BY cur ORDER BY e - s DESC, s) AS rn
    FROM pieces WHERE e - s >= make_interval(mins => $6::int)
  )
  SELECT cur, s, e, minutes, n FROM big WHERE rn <= ${LONGEST_GAPS} ORDER BY cur, rn`;

type Counts = { due: number; completed: number; missed: number; rate: number | null };
const zero = (): Counts => ({ due: 0, completed: 0, missed: 0, rate: null });
/** completed / due to three decimals; null when nothing was due */
export const ratio = (done: number, total: number) => (total === 0 ? null : Math.round((done / total) * 1000) / 1000);
const round1 = (n: number | null) => (n === null || n === undefined ? null : Math.round(n * 10) / 10);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function addTo(c: Counts, due: number, completed: number, missed: number) {
  c.due += due;
  c.completed += completed;
  c.missed += missed;
  c.rate = ratio(c.completed, c.due);
}

type AdherenceSet = { overall: Counts; medication: Counts; meal: Counts };
const emptySet = (): AdherenceSet => ({ overall: zero(), medication: zero(), meal: zero() });
function addReminderRow(set: AdherenceSet, r: { type: string; due: number; completed: number; missed: number }) {
  addTo(set.overall, r.due, r.completed, r.missed);
  if (r.type === "medication" || r.type === "meal") addTo(set[r.type], r.due, r.completed, r.missed);
}

type SentimentCounts = Record<Sentiment, number>;
const noSentiment = (): SentimentCounts => ({ positive: 0, neutral: 0, concerned: 0, distressed: 0 });
function meanSentiment(s: SentimentCounts): number | null {
  const n = SENTIMENTS.reduce((a, k) => a + s[k], 0);
  if (n === 0) return null;
  return Math.round((SENTIMENTS.reduce((a, k) => a + SENTIMENT_SCORE[k] * s[k], 0) / n) * 100) / 100;
}

const points = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a - b) * 1000) / 10);
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a - b) * 10) / 10);

export function deltas(cur: PeriodFigures, prev: PeriodFigures): FigureDeltas {
  return {
    adherence_points: {
      overall: points(cur.adherence.overall.rate, prev.adherence.overall.rate),
      medication: points(cur.adherence.medication.rate, prev.adherence.medication.rate),
      meal: points(cur.adherence.meal.rate, prev.adherence.meal.rate),
    },
    conversations: cur.conversations.count - prev.conversations.count,
    mean_sentiment: diff(cur.conversations.mean_sentiment, prev.conversations.mean_sentiment),
    alerts: cur.alerts.count - prev.alerts.count,
    median_minutes_to_acknowledge: diff(cur.alerts.time_to_acknowledge.median_minutes, prev.alerts.time_to_acknowledge.median_minutes),
    median_minutes_to_resolve: diff(cur.alerts.time_to_resolve.median_minutes, prev.alerts.time_to_resolve.median_minutes),
    activity_events: cur.activity.events - prev.activity.events,
    gaps_over_threshold: cur.activity.gaps_over_threshold - prev.activity.gaps_over_threshold,
  };
}

/**
 * A patient's statistics for a range of their local days, and the same figures for the previous range of
 * equal length: seven statements, run side by side on the pool. No access check here: callers check first.
 */
export async function computePatientAnalytics(
  q: Queryable,
  patientId: string,
  timeZone: string,
  range: DayRange,
  granularity: Granularity,
  now: Date,
): Promise<PatientAnalytics> {
  const t = rangeInstants(range, timeZone);
  const p = [patientId, timeZone, granularity, t.previousStart, t.start, t.end];
  type Cur = { cur: boolean; bucket: string | null };
  const [adh, conv, sent, topics, alerts, times, act, gaps] = await Promise.all([
    q.query<Cur & { type: string; due: number; completed: number; missed: number }>(ADHERENCE_SQL, [...p, now]),
    q.query<Cur & { n: number }>(CONVERSATIONS_SQL, p),
    q.query<Cur & { sentiment: Sentiment | null; n: number }>(SENTIMENT_SQL, p),
    q.query<{ topic: string; n: number }>(TOPICS_SQL, [patientId, t.start, t.end]),
    q.query<Cur & { type: string; severity: string; n: number }>(ALERTS_SQL, p),
    q.query<Record<string, unknown> & { cur: boolean }>(ALERT_TIMES_SQL, [patientId, t.start, t.previousStart, t.end]),
    q.query<Cur & { hour: number | null; events: number; days: number }>(ACTIVITY_SQL, p),
    q.query<{ cur: boolean; s: Date; e: Date; minutes: number; n: number }>(GAPS_SQL, [patientId, t.previousStart, t.start, t.end, now, GAP_THRESHOLD_MINUTES]),
  ]);

  const buckets = bucketsOf(range, granularity);
  const index = new Map(buckets.map((b, i) => [b.key, i]));
  const at = (bucket: string | null) => (bucket === null ? -1 : (index.get(bucket) ?? -1));

  const figures = (): PeriodFigures => ({
    adherence: emptySet(),
    conversations: { count: 0, turns: 0, mean_sentiment: null },
    alerts: { count: 0, time_to_acknowledge: stats(null, "ack"), time_to_resolve: stats(null, "res") },
    activity: { events: 0, active_days: 0, gaps_over_threshold: 0, longest_gap_minutes: null },
  });
  const cur = figures();
  const prev = figures();
  const period = (r: { cur: boolean }) => (r.cur ? cur : prev);

  const adherence = buckets.map((b) => ({ start: b.start, end: b.end, ...emptySet() }));
  for (const r of adh.rows) {
    addReminderRow(period(r).adherence, r);
    const i = at(r.bucket);
    if (i >= 0) addReminderRow(adherence[i], r);
  }

  const convBuckets = buckets.map((b) => ({ start: b.start, end: b.end, count: 0, turns: 0, sentiment: noSentiment(), mean_sentiment: null as number | null }));
  for (const r of conv.rows) {
    period(r).conversations.count += r.n;
    const i = at(r.bucket);
    if (i >= 0) convBuckets[i].count += r.n;
  }
  const periodSentiment = { cur: noSentiment(), prev: noSentiment() };
  for (const r of sent.rows) {
    period(r).conversations.turns += r.n;
    const i = at(r.bucket);
    if (i >= 0) convBuckets[i].turns += r.n;
    if (!r.sentiment) continue;
    periodSentiment[r.cur ? "cur" : "prev"][r.sentiment] += r.n;
    if (i >= 0) convBuckets[i].sentiment[r.sentiment] += r.n;
  }
  for (const b of convBuckets) b.mean_sentiment = meanSentiment(b.sentiment);
  cur.conversations.mean_sentiment = meanSentiment(periodSentiment.cur);
  prev.conversations.mean_sentiment = meanSentiment(periodSentiment.prev);

  const alertBuckets = buckets.map((b) => ({ start: b.start, end: b.end, count: 0 }));
  const byType = new Map<string, number>();
  const bySeverity = new Map<string, number>();
  const byBoth = new Map<string, { type: string; severity: string; count: number }>();
  for (const r of alerts.rows) {
    period(r).alerts.count += r.n;
    if (!r.cur) continue;
    const i = at(r.bucket);
    if (i >= 0) alertBuckets[i].count += r.n;
    byType.set(r.type, (byType.get(r.type) ?? 0) + r.n);
    bySeverity.set(r.severity, (bySeverity.get(r.severity) ?? 0) + r.n);
    const k = `${r.type}:${r.severity}`;
    byBoth.set(k, { type: r.type, severity: r.severity, count: (byBoth.get(k)?.count ?? 0) + r.n });
  }
  function stats(row: Record<string, unknown> | null, prefix: "ack" | "res") {
    const n = row ? Number(row[`${prefix}_n`]) : 0;
    return n === 0
      ? { count: 0, median_minutes: null, p90_minutes: null, mean_minutes: null }
      : {
          count: n,
          median_minutes: round1(num(row![`${prefix}_p50`])),
          p90_minutes: round1(num(row![`${prefix}_p90`])),
          mean_minutes: round1(num(row![`${prefix}_mean`])),
        };
  }
  for (const r of times.rows) {
    period(r).alerts.time_to_acknowledge = stats(r, "ack");
    period(r).alerts.time_to_resolve = stats(r, "res");
  }

  const activityBuckets = buckets.map((b) => ({ start: b.start, end: b.end, events: 0, active_days: 0 }));
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, events: 0, days: 0 }));
  for (const r of act.rows) {
    if (r.hour !== null) {
      hours[r.hour] = { hour: r.hour, events: r.events, days: r.days };
      continue;
    }
    period(r).activity.events += r.events;
    period(r).activity.active_days += r.days;
    const i = at(r.bucket);
    if (i >= 0) activityBuckets[i] = { ...activityBuckets[i], events: r.events, active_days: r.days };
  }
  const longest: { start: string; end: string; minutes: number }[] = [];
  for (const r of gaps.rows) {
    const f = period(r).activity;
    f.gaps_over_threshold = r.n;
    f.longest_gap_minutes = Math.max(f.longest_gap_minutes ?? 0, Math.round(r.minutes));
    if (r.cur) longest.push({ start: r.s.toISOString(), end: r.e.toISOString(), minutes: Math.round(r.minutes) });
  }

  const sortDesc = <K extends string>(m: Map<string, number>, key: K) =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, count]) => ({ [key]: k, count }) as { [P in K]: string } & { count: number });

  return {
    patient_id: patientId,
    timezone: timeZone,
    granularity,
    range: { from: range.from, to: range.to, days: range.days },
    previous_range: range.previous,
    generated_at: now.toISOString(),
    current: cur,
    previous: prev,
    delta: deltas(cur, prev),
    adherence,
    conversations: { buckets: convBuckets, top_topics: topics.rows.map((r) => ({ topic: r.topic, count: r.n })) },
    alerts: {
      buckets: alertBuckets,
      by_type: sortDesc(byType, "type"),
      by_severity: sortDesc(bySeverity, "severity"),
      by_type_and_severity: [...byBoth.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.severity.localeCompare(b.severity)),
    },
    activity: { buckets: activityBuckets, hours, gap_threshold_minutes: GAP_THRESHOLD_MINUTES, longest_gaps: longest },
  };
}
