import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { Sentiment } from "@/lib/db/generated/client";
import { emptyScope, patientsInScope, patientsInScopeSql, requireCaregiver, visibleScope, type VisibleScope } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { isOnline } from "@/lib/activity/list-activity";
import { recordAuditOnce } from "@/lib/audit/record-audit";
import { alertTitleFacts } from "@/lib/alerts/alert-text";
import { presentAlert } from "@/lib/alerts/present-alert";
import { PHONE_OFFLINE } from "@/lib/activity/sign-of-life";
import { withZoneFallback } from "@/lib/time-zones/zone-fallback";
import { decodeCursor, encodeCursor, invalidCursor } from "@/lib/api/pagination";
import { overviewQuery, type OpenAlertGlance, type Overview, type OverviewQuery, type PatientGlance } from "./schemas";
import { isUuid } from "@/lib/is-uuid";

/** Below this share of today's due reminders done, a patient counts as "low adherence". */
export const LOW_ADHERENCE = 0.8;
/** How many open alerts the home page lists (the inbox has the rest). */
export const OPEN_ALERTS_SHOWN = 20;

interface GlanceRow {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  timezone: string;
  last_heartbeat_at: Date | null;
  last_active_at: Date | null;
  monitoring_paused_until: Date | null;
  paired: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  inactivity: number;
  phone_offline: number;
  due: number;
  completed: number;
}

interface DetailRow {
  id: string;
  sentiment: Sentiment | null;
  conversation_at: Date | null;
  next_title: string | null;
  next_due_at: Date | null;
}

/**
 * Every patient of the scope with what decides their place on the page, in one statement: open alerts and
 * paired phones counted once for the whole scope (hash joins), today's reminders by a lateral subquery served by
 * the (patient_id, due_at) index. "Today" is the patient's local day, computed in SQL from
 * their time zone (date_trunc in that zone, back to an instant), and counts only what was due by `now`.
 */
async function glanceRows(scope: VisibleScope, now: Date): Promise<GlanceRow[]> {
  if (emptyScope(scope)) return [];
  const inScope = Prisma.sql`p.is_active AND ${patientsInScopeSql(scope, "p")}`;
  // one patient's zone PostgreSQL does not know must not fail the page for every patient (lib/time-zones/zone-fallback.ts)
  return withZoneFallback(
    "overview",
    (replace) =>
      db.$queryRaw<GlanceRow[]>(Prisma.sql`
    WITH zoned AS (
      SELECT p.*, COALESCE((${replace.to}::text[])[array_position(${replace.from}::text[], p.timezone::text)], p.timezone) AS zone
      FROM patients p
      WHERE ${inScope}
    ),
    visible AS (
      SELECT p.id, p.first_name, p.last_name, p.preferred_name, p.timezone, p.last_heartbeat_at, p.last_active_at, p.monitoring_paused_until,
             date_trunc('day', ${now}::timestamptz AT TIME ZONE p.zone) AT TIME ZONE p.zone AS day_start
      FROM zoned p
    )
    SELECT v.id, v.first_name, v.last_name, v.preferred_name, v.timezone, v.last_heartbeat_at, v.last_active_at, v.monitoring_paused_until,
           COALESCE(d.paired, 0) AS paired, COALESCE(a.critical, 0) AS critical, COALESCE(a.high, 0) AS high, COALESCE(a.medium, 0) AS medium,
           COALESCE(a.low, 0) AS low, COALESCE(a.inactivity, 0) AS inactivity, COALESCE(a.phone_offline, 0) AS phone_offline, r.due, r.completed
    FROM visible v
    -- open alerts are few (the status index finds them all at once); a lookup per patient would touch every patient's history
    LEFT JOIN (
      SELECT al.patient_id,
             count(*) FILTER (WHERE al.severity = 'critical')::int AS critical,
             count(*) FILTER (WHERE al.severity = 'high')::int AS high,
             count(*) FILTER (WHERE al.severity = 'medium')::int AS medium,
             count(*) FILTER (WHERE al.severity = 'low')::int AS low,
             count(*) FILTER (WHERE al.type = 'inactivity')::int AS inactivity,
             count(*) FILTER (WHERE al.type = 'device' AND al.dedup_key = ${PHONE_OFFLINE})::int AS phone_offline
      FROM alerts al
      WHERE al.status = 'open' AND al.patient_id IN (SELECT id FROM visible)
      GROUP BY al.patient_id
    ) a ON a.patient_id = v.id
    LEFT JOIN (
      SELECT pd.patient_id, count(*)::int AS paired
      FROM patient_devices pd
      WHERE pd.revoked_at IS NULL AND pd.patient_id IN (SELECT id FROM visible)
      GROUP BY pd.patient_id
    ) d ON d.patient_id = v.id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS due, count(*) FILTER (WHERE status = 'completed')::int AS completed
      FROM reminders WHERE patient_id = v.id AND due_at >= v.day_start AND due_at < ${now} AND status <> 'skipped'
    ) r`),
    async () => (await db.$queryRaw<{ timezone: string }[]>(Prisma.sql`SELECT DISTINCT p.timezone FROM patients p WHERE ${inScope}`)).map((r) => r.timezone),
  );
}

/** The last conversation and the next reminder of the patients on the page only (the cards' last two facts). */
async function detailRows(ids: string[], now: Date): Promise<Map<string, DetailRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<DetailRow[]>(Prisma.sql`
    SELECT v.id, c.sentiment, c.last_turn_at AS conversation_at, n.title AS next_title, n.due_at AS next_due_at
    FROM unnest(${ids}::uuid[]) AS v(id)
    LEFT JOIN LATERAL (
      SELECT sentiment, last_turn_at FROM conversations WHERE patient_id = v.id ORDER BY started_at DESC LIMIT 1
    ) c ON true
    LEFT JOIN LATERAL (
      SELECT title, due_at FROM reminders WHERE patient_id = v.id AND status = 'pending' AND due_at >= ${now} ORDER BY due_at LIMIT 1
    ) n ON true`);
  return new Map(rows.map((r) => [String(r.id), r]));
}

const ratio = (done: number, due: number) => (due === 0 ? null : Math.round((done / due) * 1000) / 1000);

function present(r: GlanceRow, now: Date): PatientGlance {
  const online = isOnline(r.last_heartbeat_at, now);
  const adherence = ratio(r.completed, r.due);
  const paused = !!r.monitoring_paused_until && r.monitoring_paused_until.getTime() > now.getTime();
  const attention: PatientGlance["attention"] =
    r.critical + r.high > 0
      ? "urgent_alerts"
      : paused
        ? null
        : r.inactivity > 0
          ? "inactive"
          : r.phone_offline > 0
            ? "phone_offline"
            : r.paired > 0 && !online
              ? "offline"
              : null;
  const withAdherence = attention ?? (adherence !== null && adherence < LOW_ADHERENCE ? "low_adherence" : null);
  return {
    id: r.id,
    full_name: `${r.first_name} ${r.last_name}`,
    display_name: r.preferred_name || r.first_name,
    timezone: r.timezone,
    attention: withAdherence,
    device: {
      paired: r.paired > 0,
      online,
      phone_offline: r.phone_offline > 0,
      last_heartbeat_at: r.last_heartbeat_at?.toISOString() ?? null,
      last_active_at: r.last_active_at?.toISOString() ?? null,
    },
    open_alerts: { critical: r.critical, high: r.high, medium: r.medium, low: r.low, total: r.critical + r.high + r.medium + r.low, inactivity: r.inactivity },
    monitoring_paused_until: paused ? r.monitoring_paused_until!.toISOString() : null,
    adherence_today: { due: r.due, completed: r.completed, ratio: adherence },
    last_conversation: null,
    next_reminder: null,
  };
}

function withDetails(p: PatientGlance, d: DetailRow | undefined): PatientGlance {
  return {
    ...p,
    last_conversation: d?.conversation_at ? { sentiment: d.sentiment, at: d.conversation_at.toISOString() } : null,
    next_reminder: d?.next_title && d.next_due_at ? { title: d.next_title, due_at: d.next_due_at.toISOString() } : null,
  };
}

const RANK = { urgent_alerts: 0, inactive: 1, phone_offline: 2, offline: 3, low_adherence: 4 } as const;
const byName = new Intl.Collator("en", { sensitivity: "base" });

/** A patient's place in the order, as a cursor holds it: rank, more critical, more high, lower adherence, "Last First", id. */
type AttentionKey = [number, number, number, number, string, string];

function attentionKey(p: PatientGlance): AttentionKey {
  return [
    p.attention ? RANK[p.attention] : 5,
    -p.open_alerts.critical,
    -p.open_alerts.high,
    p.attention === "low_adherence" ? (p.adherence_today.ratio ?? 1) : 0,
    p.full_name.split(" ").reverse().join(" "),
    p.id,
  ];
}

function compareKeys(a: AttentionKey, b: AttentionKey): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || byName.compare(a[4], b[4]) || a[5].localeCompare(b[5]);
}

/**
 * What needs attention first: critical/high open alerts (more critical, then more high, first), then silent
 * patients (an inactivity episode), then phones offline (an alert, then not heard from within 30 minutes), then
 * low adherence today (lowest first), then everyone else; by name within.
 */
export const byAttention = (a: PatientGlance, b: PatientGlance) => compareKeys(attentionKey(a), attentionKey(b));

/** The cursor's key, checked value by value: the client may hand back anything (a 422, never a wrong page). */
function cursorKey(cursor: string): AttentionKey {
  const v = decodeCursor(cursor, 6);
  const numbers = v.slice(0, 4).every((n) => typeof n === "number" && Number.isFinite(n));
  if (numbers && typeof v[4] === "string" && v[4].length <= 1000 && isUuid(v[5])) return v as AttentionKey;
  throw invalidCursor();
}

/**
 * The home page's data: the caregiver's patients at a glance, most in need of attention first, one page at a
 * time (keyset over the attention order: the cursor is the last card's place in it), how many there are and how
 * many need attention, and the open alerts across them all. `organization_id` and `facility_id` narrow it to
 * one organization (the dashboard's current one) or one facility.
 */
export async function getOverview(actor: Actor, now: Date, q: OverviewQuery = overviewQuery.parse({})): Promise<Overview> {
  const me = requireCaregiver(actor);
  const after = q.cursor ? cursorKey(q.cursor) : null;
  const scope = await visibleScope(db, me.caregiverId, { organizationId: q.organization_id, facilityId: q.facility_id });
  const inScope = { patient: patientsInScope(scope), status: "open" } as const;
  const [rows, alerts, openTotal] = await Promise.all([
    glanceRows(scope, now),
    db.alert.findMany({
      where: inScope,
      orderBy: [{ severity: "desc" }, { lastOccurredAt: "desc" }, { id: "asc" }],
      take: OPEN_ALERTS_SHOWN,
      include: { patient: { select: { firstName: true, lastName: true, preferredName: true } } },
    }),
    db.alert.count({ where: inScope }),
  ]);
  // each patient's key once (5,000 patients are some 60,000 comparisons)
  const ranked = rows.map((r) => {
    const p = present(r, now);
    return { p, key: attentionKey(p) };
  });
  ranked.sort((a, b) => compareKeys(a.key, b.key));
  const from = after ? ranked.findIndex((r) => compareKeys(r.key, after) > 0) : 0;
  const page = from < 0 ? [] : ranked.slice(from, from + q.limit);
  const slice = page.map((r) => r.p);
  const more = from >= 0 && from + q.limit < ranked.length;
  const details = await detailRows(
    slice.map((p) => p.id),
    now,
  );
  const patients = slice.map((p) => withDetails(p, details.get(p.id)));
  const openAlerts: OpenAlertGlance[] = alerts.map((a) => {
    const full = presentAlert(a);
    return {
      id: full.id,
      patient_id: full.patient_id,
      patient_name: full.patient_name,
      type: full.type,
      severity: full.severity,
      status: full.status,
      title: full.title,
      source: full.source,
      created_at: full.created_at,
      last_occurred_at: full.last_occurred_at,
      nobody_reached: full.escalation.nobody_reached,
      title_facts: alertTitleFacts(full.evidence),
    };
  });
  // the home page polls: one row per quarter hour while the same patients are shown
  await recordAuditOnce(
    db,
    actor,
    { action: "overview.read", targetType: "patient", metadata: { count: patients.length, patient_ids: patients.map((p) => p.id) } },
    15 * 60_000,
    now,
  );
  return {
    generated_at: now.toISOString(),
    patients,
    patient_total: ranked.length,
    attention_total: ranked.filter((r) => r.p.attention !== null).length,
    next_cursor: more ? encodeCursor(page[page.length - 1].key) : null,
    open_alerts: openAlerts,
    open_alert_total: openTotal,
  };
}
