import "server-only";
import { db } from "@/lib/db/client";
import { onOneConnection } from "./one-connection";
import { limitAnalytics } from "./patient-analytics";
import type { CaregiverActor } from "@/lib/auth/actor";
import { patientsInScopeSql, visibleScope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { ratio } from "./compute-patient-analytics";
import { localToday, resolveRange } from "./range";
import type { CaregiverAnalytics, CaregiverAnalyticsQuery } from "./schemas";
import { usableZone } from "@/lib/time-zones/check-zone";
import { withZoneFallback } from "@/lib/time-zones/zone-fallback";

/*
 * Every patient the caregiver can see, in one statement: the range's local days are read in each patient's
 * own zone ($2..$4 are dates), and each patient's counts come from index range scans (lateral joins).
 */
const SQL = `
  WITH z AS (
    -- $7/$8: stored zones PostgreSQL does not know, and what to compute with instead (lib/time-zones/zone-fallback.ts)
    SELECT id, first_name, last_name, timezone, COALESCE(($8::text[])[array_position($7::text[], timezone::text)], timezone) AS zone
    FROM patients
    WHERE (organization_id = ANY($1::uuid[]) OR facility_id = ANY($9::uuid[]) OR id = ANY($5::uuid[])) AND ($10::uuid IS NULL OR facility_id = $10::uuid)
  ),
  p AS (
    SELECT id, first_name, last_name, timezone,
           ($2::date::timestamp AT TIME ZONE zone) AS prev_start,
           ($3::date::timestamp AT TIME ZONE zone) AS cur_start,
           (($4::date + 1)::timestamp AT TIME ZONE zone) AS cur_end
    FROM z
  )
  SELECT p.id::text AS patient_id, p.first_name || ' ' || p.last_name AS name, p.timezone,
         r.due, r.completed, r.missed, r.prev_due, r.prev_completed, r.prev_missed,
         c.n AS conversations, a.n AS alerts, o.total AS open_total, o.critical, o.high, o.medium, o.low
  FROM p
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE due_at >= p.cur_start)::int AS due,
           count(*) FILTER (WHERE due_at >= p.cur_start AND status = 'completed')::int AS completed,
           count(*) FILTER (WHERE due_at >= p.cur_start AND status = 'missed')::int AS missed,
           count(*) FILTER (WHERE due_at < p.cur_start)::int AS prev_due,
           count(*) FILTER (WHERE due_at < p.cur_start AND status = 'completed')::int AS prev_completed,
           count(*) FILTER (WHERE due_at < p.cur_start AND status = 'missed')::int AS prev_missed
    FROM reminders
    WHERE patient_id = p.id AND due_at >= p.prev_start AND due_at < p.cur_end AND due_at <= $6::timestamptz AND status <> 'skipped'
  ) r
  CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM conversations WHERE patient_id = p.id AND started_at >= p.cur_start AND started_at < p.cur_end) c
  CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM alerts WHERE patient_id = p.id AND created_at >= p.cur_start AND created_at < p.cur_end) a
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE severity = 'critical')::int AS critical, count(*) FILTER (WHERE severity = 'high')::int AS high,
           count(*) FILTER (WHERE severity = 'medium')::int AS medium, count(*) FILTER (WHERE severity = 'low')::int AS low
    FROM alerts WHERE patient_id = p.id AND status = 'open'
  ) o
  ORDER BY p.last_name, p.first_name, p.id`;

interface Row {
  patient_id: string;
  name: string;
  timezone: string;
  due: number;
  completed: number;
  missed: number;
  prev_due: number;
  prev_completed: number;
  prev_missed: number;
  conversations: number;
  alerts: number;
  open_total: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
}

const counts = (due: number, completed: number, missed: number) => ({ due, completed, missed, rate: ratio(completed, due) });

/**
 * Statistics across every patient the caregiver can see (care teams, and whole organizations for owners
 * and admins): per patient adherence now and in the previous range, conversations, alerts and open alerts,
 * plus totals. The range's days default to the 30 days up to today in the caregiver's zone.
 */
export async function getCaregiverAnalytics(actor: CaregiverActor, query: CaregiverAnalyticsQuery, now: Date): Promise<CaregiverAnalytics> {
  const [me, scope] = await Promise.all([
    db.caregiver.findUniqueOrThrow({ where: { id: actor.caregiverId }, select: { timezone: true } }),
    visibleScope(db, actor.caregiverId, { organizationId: query.organization_id, facilityId: query.facility_id }),
  ]);
  await limitAnalytics(actor, now);
  const range = resolveRange(query, localToday(now, usableZone(me.timezone)));
  const { rows } = await withZoneFallback(
    "caregiver analytics",
    (replace) =>
      onOneConnection((q) =>
        q.query<Row>(SQL, [
          scope.organizationIds,
          range.previous.from,
          range.from,
          range.to,
          scope.patientIds,
          now,
          replace.from,
          replace.to,
          scope.facilityIds,
          scope.onlyFacilityId,
        ]),
      ),
    async () =>
      (await db.$queryRaw<{ timezone: string }[]>`SELECT DISTINCT timezone FROM patients p WHERE ${patientsInScopeSql(scope, "p")}`).map((p) => p.timezone),
  );
  const patients = rows.map((r) => ({
    patient_id: r.patient_id,
    name: r.name,
    timezone: r.timezone,
    adherence: counts(r.due, r.completed, r.missed),
    previous_adherence: counts(r.prev_due, r.prev_completed, r.prev_missed),
    conversations: r.conversations,
    alerts: r.alerts,
    open_alerts: { total: r.open_total, critical: r.critical, high: r.high, medium: r.medium, low: r.low },
  }));
  const sum = (f: (r: Row) => number) => rows.reduce((a, r) => a + f(r), 0);
  const adherence = counts(
    sum((r) => r.due),
    sum((r) => r.completed),
    sum((r) => r.missed),
  );
  const previous = counts(
    sum((r) => r.prev_due),
    sum((r) => r.prev_completed),
    sum((r) => r.prev_missed),
  );
  await recordAudit(db, actor, {
    action: "analytics.caregiver_read",
    targetType: "patient",
    metadata: { count: patients.length, patient_ids: patients.map((p) => p.patient_id), from: range.from, to: range.to },
  });
  return {
    range: { from: range.from, to: range.to, days: range.days },
    previous_range: range.previous,
    generated_at: now.toISOString(),
    patients,
    totals: {
      patients: patients.length,
      adherence,
      previous_adherence: previous,
      adherence_delta_points: adherence.rate === null || previous.rate === null ? null : Math.round((adherence.rate - previous.rate) * 1000) / 10,
      conversations: sum((r) => r.conversations),
      alerts: sum((r) => r.alerts),
      open_alerts: sum((r) => r.open_total),
    },
  };
}
