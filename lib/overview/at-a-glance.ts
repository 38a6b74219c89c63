import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { Sentiment } from "@/lib/db/generated/client";
import { emptyScope, patientsInScope, patientsInScopeSql, requireCaregiver, visibleScope, type VisibleScope } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { isOnline } from "@/lib/activity/list-activity";
import { recordAuditOnce } from "@/lib/audit/record-audit";
import { presentAlert } from "@/lib/alerts/present-alert";
import { PHONE_OFFLINE } from "@/lib/activity/sign-of-life";
import { withZoneFallback } from "@/lib/time-zones/zone-fallback";
import type { OpenAlertGlance, Overview, PatientGlance } from "./schemas";

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
  sentiment: Sentiment | null;
  conversation_at: Date | null;
  next_title: string | null;
  next_due_at: Date | null;
}

/**
 * Every patient of the scope with what a caregiver checks first, in one statement: one lateral subquery per
 * fact, each served by a (patient_id, ...) index. "Today" is the patient's local day, computed in SQL from
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
           d.paired, a.critical, a.high, a.medium, a.low, a.inactivity, a.phone_offline, r.due, r.completed,
           c.sentiment, c.last_turn_at AS conversation_at, n.title AS next_title, n.due_at AS next_due_at
    FROM visible v
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS paired FROM patient_devices WHERE patient_id = v.id AND revoked_at IS NULL
    ) d
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE severity = 'critical')::int AS critical,
             count(*) FILTER (WHERE severity = 'high')::int AS high,
             count(*) FILTER (WHERE severity = 'medium')::int AS medium,
             count(*) FILTER (WHERE severity = 'low')::int AS low,
             count(*) FILTER (WHERE type = 'inactivity')::int AS inactivity,
             count(*) FILTER (WHERE type = 'device' AND dedup_key = ${PHONE_OFFLINE})::int AS phone_offline
      FROM alerts WHERE patient_id = v.id AND status = 'open'
    ) a
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS due, count(*) FILTER (WHERE status = 'completed')::int AS completed
      FROM reminders WHERE patient_id = v.id AND due_at >= v.day_start AND due_at < ${now} AND status <> 'skipped'
    ) r
    LEFT JOIN LATERAL (
      SELECT sentiment, last_turn_at FROM conversations WHERE patient_id = v.id ORDER BY started_at DESC LIMIT 1
    ) c ON true
    LEFT JOIN LATERAL (
      SELECT title, due_at FROM reminders WHERE patient_id = v.id AND status = 'pending' AND due_at >= ${now} ORDER BY due_at LIMIT 1
    ) n ON true`),
    async () => (await db.$queryRaw<{ timezone: string }[]>(Prisma.sql`SELECT DISTINCT p.timezone FROM patients p WHERE ${inScope}`)).map((r) => r.timezone),
  );
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
    last_conversation: r.conversation_at ? { sentiment: r.sentiment, at: r.conversation_at.toISOString() } : null,
    next_reminder: r.next_title && r.next_due_at ? { title: r.next_title, due_at: r.next_due_at.toISOString() } : null,
  };
}

const RANK = { urgent_alerts: 0, inactive: 1, phone_offline: 2, offline: 3, low_adherence: 4 } as const;
const rankOf = (p: PatientGlance) => (p.attention ? RANK[p.attention] : 5);
const byName = new Intl.Collator("en", { sensitivity: "base" });

/**
 * What needs attention first: critical/high open alerts (more critical, then more high, first), then silent
 * patients (an inactivity episode), then phones offline (an alert, then not heard from within 30 minutes), then
 * low adherence today (lowest first), then everyone else; by name within.
 */
export function byAttention(a: PatientGlance, b: PatientGlance): number {
  return (
    rankOf(a) - rankOf(b) ||
    b.open_alerts.critical - a.open_alerts.critical ||
    b.open_alerts.high - a.open_alerts.high ||
    (a.attention === "low_adherence" ? (a.adherence_today.ratio ?? 1) - (b.adherence_today.ratio ?? 1) : 0) ||
    byName.compare(a.full_name.split(" ").reverse().join(" "), b.full_name.split(" ").reverse().join(" ")) ||
    a.id.localeCompare(b.id)
  );
}

/** The home page's data: every patient the caregiver can see at a glance, and the open alerts across them. */
export async function getOverview(actor: Actor, now: Date, facilityId: string | null = null): Promise<Overview> {
  const me = requireCaregiver(actor);
  const scope = await visibleScope(db, me.caregiverId, facilityId);
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
  const patients = rows.map((r) => present(r, now)).sort(byAttention);
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
      created_at: full.created_at,
      last_occurred_at: full.last_occurred_at,
      nobody_reached: full.escalation.nobody_reached,
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
  return { generated_at: now.toISOString(), patients, open_alerts: openAlerts, open_alert_total: openTotal };
}
