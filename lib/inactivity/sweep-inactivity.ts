import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { Severity } from "@/lib/db/generated/client";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { pushToPatients, sendPendingPushes } from "@/lib/notifications/push-to-patient";
import { emit, type DomainEvent } from "@/lib/jobs/emit";
import { runIsolated, runOneIsolated, type Isolation, type Scope } from "@/lib/jobs/isolate-failures";
import { activePatientIds } from "@/lib/patients/active-patient-ids";
import { checkInPush } from "./check-in-push";

/** Which patients a finding statement covers: `only` these, and never `except` these (quarantined). */
export interface PatientScope {
  only?: string[] | null;
  except?: string[];
}

export interface SilentPatient {
  patient_id: string;
  organization_id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  last_active_at: Date;
  silence_hours: number;
  medium_h: number;
  high_h: number;
  critical_h: number;
  check_in_minutes: number;
  wake_start: string;
  wake_end: string;
  alert_id: string | null;
  severity: Severity | null;
  check_in_at: Date | null;
}

/**
 * Patients silent for at least their medium threshold now, in one set-based statement (SPEC §5):
 * silence is counted only inside the patient's waking hours, in their time zone, from the later of their
 * last activity and the start of today's waking hours, up to now or the end of today's waking hours.
 * Never-paired patients are skipped. Thresholds come from the patient's settings, then the organization's,
 * then the defaults (08:00-20:00; 4, 6, 8 hours; 15-minute check-in window).
 */
export async function findSilentPatients(now: Date, scope: PatientScope = {}): Promise<SilentPatient[]> {
  const setting = (key: string, fallback: string) =>
    `COALESCE(p.settings->'inactivity'->>'${key}', o.settings->'inactivity'->>'${key}', '${fallback}')`;
  return db.$queryRawUnsafe<SilentPatient[]>(
    `
    WITH cfg AS (
      SELECT p.id, p.organization_id, p.first_name, p.last_name, p.preferred_name, p.timezone, p.last_active_at,
             ${setting("waking_hours_start", "08:00")} AS wake_start,
             ${setting("waking_hours_end", "20:00")} AS wake_end,
             ${setting("medium_after_hours", "4")}::float8 AS medium_h,
             ${setting("high_after_hours", "6")}::float8 AS high_h,
             ${setting("critical_after_hours", "8")}::float8 AS critical_h,
             ${setting("check_in_window_minutes", "15")}::int AS check_in_minutes
      FROM patients p JOIN organizations o ON o.id = p.organization_id
      WHERE p.is_active AND p.last_active_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM patient_devices d WHERE d.patient_id = p.id AND d.revoked_at IS NULL)
        AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[])) AND NOT (p.id = ANY($3::uuid[]))
    ),
    day AS (
      SELECT cfg.*, ($1::timestamptz AT TIME ZONE timezone)::date AS today FROM cfg
    ),
    silence AS (
      SELECT day.*,
        EXTRACT(EPOCH FROM (
          LEAST($1::timestamptz, (today + wake_end::time) AT TIME ZONE timezone)
          - GREATEST(last_active_at, (today + wake_start::time) AT TIME ZONE timezone)
        )) / 3600.0 AS silence_hours
      FROM day
    )
    SELECT s.id AS patient_id, s.organization_id, s.first_name, s.last_name, s.preferred_name, s.last_active_at, s.silence_hours,
           s.medium_h, s.high_h, s.critical_h, s.check_in_minutes, s.wake_start, s.wake_end,
           a.id AS alert_id, a.severity,
           (SELECT min(n.created_at) FROM notification_attempts n WHERE n.alert_id = a.id AND n.purpose = 'check_in') AS check_in_at
    FROM silence s
    LEFT JOIN alerts a ON a.open_key = s.id::text || ':inactivity:inactivity'
    WHERE s.silence_hours >= s.medium_h`,
    now,
    scope.only ?? null,
    scope.except ?? [],
  );
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** What the episode needs now: a severity to raise to, or the check-in push first. */
export function decide(p: SilentPatient, now: Date): { raise?: Severity; checkIn?: boolean } {
  const h = Number(p.silence_hours);
  if (h >= p.critical_h) return { raise: "critical" };
  if (h >= p.high_h) {
    if (p.severity && RANK[p.severity] >= RANK.high) return {};
    if (!p.check_in_at) return { raise: p.severity ? undefined : "medium", checkIn: true };
    if (now.getTime() - new Date(p.check_in_at).getTime() >= p.check_in_minutes * 60_000) return { raise: "high" };
    return {};
  }
  return p.severity ? {} : { raise: "medium" };
}

function describe(p: SilentPatient, severity: Severity) {
  const name = `${p.first_name} ${p.last_name}`;
  const hours = Math.floor(Number(p.silence_hours) * 10) / 10;
  return {
    title: severity === "critical" ? `${name} has not been heard from for ${Math.floor(hours)} hours` : `${name} has been quiet for ${Math.floor(hours)} hours`,
    description: `No sign of life from ${name} for ${hours} hours of waking time (${p.wake_start}-${p.wake_end} in their time zone). Last activity: ${new Date(p.last_active_at).toISOString()}.`,
    recommendedAction:
      severity === "critical"
        ? `Call ${p.preferred_name || p.first_name} now. If there is no answer, call their emergency contact or go to them.`
        : `Call ${p.preferred_name || p.first_name} to check that they are all right.`,
  };
}

/**
 * Advance one silent patient's single episode alert: medium at 4 h; at 6 h a check-in push to the phone
 * ("Are you all right?"), and high only if no sign of life comes within the check-in window; critical at
 * 8 h. Each rise notifies again; a sign of life ends the episode (lib/activity/sign-of-life.ts).
 * Idempotent: it re-reads the patient's state, so a duplicate or late event changes nothing.
 */
export async function evaluateSilentPatient(p: SilentPatient, now: Date) {
  const d = decide(p, now);
  if (!d.raise && !d.checkIn) return { raised: null as Severity | null, checkIn: false };
  const events: DomainEvent[] = [];
  await db.$transaction(async (tx) => {
    let alertId = p.alert_id;
    if (d.raise) {
      const severity = d.raise;
      const threshold = severity === "critical" ? p.critical_h : severity === "high" ? p.high_h : p.medium_h;
      const r = await raiseAlert(
        tx,
        {
          patientId: p.patient_id,
          type: "inactivity",
          severity,
          dedupKey: "inactivity",
          ...describe(p, severity),
          source: `inactivity:${threshold}h`,
          evidence: {
            kind: "rule",
            at: now.toISOString(),
            rule: "inactivity",
            threshold_hours: threshold,
            silence_hours: Math.round(Number(p.silence_hours) * 100) / 100,
            last_activity_at: new Date(p.last_active_at).toISOString(),
            waking_hours: `${p.wake_start}-${p.wake_end}`,
            ...(p.check_in_at ? { check_in_sent_at: new Date(p.check_in_at).toISOString() } : {}),
          },
        },
        now,
      );
      alertId = r.alertId;
      if (r.event) events.push(r.event);
    }
    if (d.checkIn && alertId) await sendCheckIn(tx, p, alertId, now);
  });
  await emit(...events);
  if (d.checkIn) await sendPendingPushes(now);
  return { raised: d.raise ?? null, checkIn: !!d.checkIn };
}

async function sendCheckIn(tx: Tx, p: SilentPatient, alertId: string, now: Date) {
  const push = await checkInPush(tx, p.patient_id, alertId, now);
  if (push) await pushToPatients(tx, [push], now);
}

/** One patient, as the fanned-out job does it (a failure that is the patient's own quarantines them). */
export async function evaluatePatientInactivity(patientId: string, now: Date) {
  const done = await runOneIsolated(INACTIVITY_JOB, "patient", patientId, now, async () => {
    const [p] = await findSilentPatients(now, { only: [patientId] });
    return p ? evaluateSilentPatient(p, now) : { raised: null, checkIn: false };
  });
  return done ?? { raised: null, checkIn: false, quarantined: true };
}

/** The whole sweep in one process (tests, and engines without fan-out): find, then evaluate each. */
export async function sweepInactivity(now: Date) {
  let silent = 0;
  let raised = 0;
  let checkIns = 0;
  const sweep = await runIsolated(INACTIVITY_JOB, "patient", now, async (scope, isolation) => {
    const found = await findSilentIsolated(now, scope, isolation);
    silent += found.length;
    for (const r of await isolation.each(found, (p) => p.patient_id, (p) => evaluateSilentPatient(p, now))) {
      if (r.raised) raised++;
      if (r.checkIn) checkIns++;
    }
  });
  return { silent, raised, checkIns, quarantined: sweep.quarantined.length };
}

/**
 * Fault isolation around the finding statement (lib/jobs/isolate-failures.ts): one patient whose row makes
 * it fail (a zone PostgreSQL does not know, a corrupt setting) is found by splitting the patients in halves
 * and quarantined; everyone else is still found. The fanned-out job's first step.
 */
export async function findSilentPatientsIsolated(now: Date): Promise<SilentPatient[]> {
  const sweep = await runIsolated(INACTIVITY_JOB, "patient", now, (scope, isolation) => findSilentIsolated(now, scope, isolation));
  return [...sweep.main, ...(sweep.retried ?? [])];
}

const INACTIVITY_JOB = "inactivity";

async function findSilentIsolated(now: Date, scope: Scope, isolation: Isolation) {
  const parts = await isolation.batch(
    (only) => findSilentPatients(now, { only: only ?? scope.only, except: scope.except }),
    () => activePatientIds(),
  );
  return parts.flat();
}
