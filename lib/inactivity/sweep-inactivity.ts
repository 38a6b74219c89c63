import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { Severity } from "@/lib/db/generated/client";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { resolveAlertAutomatically } from "@/lib/alerts/resolve-alert-automatically";
import { PHONE_OFFLINE } from "@/lib/activity/sign-of-life";
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

/** A baseline recorded as "nothing known" (no sign of life yet when the alert rose). */
const NONE = "none";

/** One patient the sweep has to look at: silent, phone silent, or with an episode open. */
export interface SilentPatient {
  patient_id: string;
  organization_id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  timezone: string;
  /** the person's last sign of life (null: none since the phone was paired) */
  last_active_at: Date | null;
  /** where silence is counted from: the later of the last sign of life (or the pairing), the end of a pause,
   * the last time a caregiver resolved an inactivity alert by hand; and today's waking hours */
  counted_from: Date;
  silence_hours: number;
  /** the last heartbeat from any active phone (its pairing when it never sent one) */
  last_seen_at: Date | null;
  battery_level: number | null;
  phone_silence_hours: number;
  devices: number;
  has_push_token: boolean;
  paused_until: Date | null;
  paused: boolean;
  medium_h: number;
  high_h: number;
  critical_h: number;
  check_in_minutes: number;
  offline_h: number;
  offline_medium_h: number;
  wake_start: string;
  wake_end: string;
  alert_id: string | null;
  severity: Severity | null;
  /** `last_activity_at` of the open episode's latest evidence, what was known when it last rose (NONE: no
   * sign of life then; null: not recorded) */
  alert_last_activity_at: string | null;
  check_in_at: Date | null;
  /** every check-in attempt of the episode failed or was skipped: no answer can come */
  check_in_failed: boolean | null;
  offline_alert_id: string | null;
  offline_severity: Severity | null;
  offline_alert_last_seen_at: string | null;
}

/**
 * The patients the sweep must evaluate now, in one set-based statement (SPEC §5; docs/decisions/014): silence
 * and phone silence are counted only inside the patient's waking hours, in their time zone, from the later of
 * what is known and the start of today's waking hours, up to now or the end of today's waking hours. A patient
 * comes back when their silence reaches the medium threshold, their phones' silence reaches the phone-offline
 * threshold (neither while monitoring is paused, nor for a patient without a paired phone), or when an
 * inactivity or phone-offline alert is open (it may have to rise, or end). Thresholds come from the patient's
 * settings, then the organization's, then the defaults (08:00-20:00; 4, 6, 8 hours; 15-minute check-in window;
 * phone offline after 2 and 6 hours). The per-patient details (floors, check-in state, push tokens) are read
 * only for those patients.
 */
export async function findSilentPatients(now: Date, scope: PatientScope = {}): Promise<SilentPatient[]> {
  const found = await candidates(now, scope);
  if (found.length === 0) return [];
  const details = new Map((await detailsOf(found)).map((d) => [d.id, d]));
  const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;
  const latest = (...ds: (Date | null)[]) => new Date(Math.max(...ds.filter((d): d is Date => !!d).map((d) => new Date(d).getTime())));
  return found.map(({ wake_from, wake_to, person_since, phone_since, ...c }) => {
    const d = details.get(c.patient_id)!;
    // a caregiver who resolved an alert by hand knows something: its silence counts again from then
    const countedFrom = latest(person_since, d.inactivity_floor, wake_from);
    const phoneFrom = latest(phone_since, d.phone_floor, wake_from);
    return {
      ...c,
      first_name: d.first_name,
      last_name: d.last_name,
      preferred_name: d.preferred_name,
      counted_from: countedFrom,
      silence_hours: hours(countedFrom, wake_to),
      phone_silence_hours: hours(phoneFrom, wake_to),
      battery_level: d.battery_level,
      has_push_token: d.has_push_token,
      check_in_at: d.check_in_at,
      check_in_failed: d.check_in_failed,
      medium_h: Number(c.medium_h),
      high_h: Number(d.high_h),
      critical_h: Number(d.critical_h),
      check_in_minutes: Number(d.check_in_minutes),
      offline_h: Number(c.offline_h),
      offline_medium_h: Number(d.offline_medium_h),
    };
  });
}

type Candidate = Omit<SilentPatient, keyof Omit<Details, "id"> | "counted_from" | "silence_hours" | "phone_silence_hours"> & {
  wake_from: Date;
  wake_to: Date;
  person_since: Date | null;
  phone_since: Date | null;
};

/**
 * The first statement: every active patient, in one pass (their phones grouped once, their open alerts by
 * key), kept when silent, phone-silent or with an alert open. Silence here ignores the floors of hand-resolved
 * alerts; those only shorten it, so nobody is missed.
 */
function candidates(now: Date, scope: PatientScope): Promise<Candidate[]> {
  const setting = (key: string, fallback: string) => `COALESCE(p.settings->'inactivity'->>'${key}', o.settings->'inactivity'->>'${key}', '${fallback}')`;
  // what was known when the alert last rose (its latest evidence): an instant, NONE, or null when not recorded
  const baseline = (alert: string, key: string) =>
    `CASE jsonb_typeof(${alert}.evidence->-1->'${key}') WHEN 'string' THEN ${alert}.evidence->-1->>'${key}' WHEN 'null' THEN '${NONE}' END`;
  return db.$queryRawUnsafe<Candidate[]>(
    `
    WITH dev AS (
      -- one grouped pass over the active phones (joined by hash), not one aggregate per patient
      SELECT d.patient_id, count(*)::int AS devices, min(d.paired_at) AS first_paired_at,
             max(COALESCE(d.last_seen_at, d.paired_at)) AS last_seen_at
      FROM patient_devices d
      WHERE d.revoked_at IS NULL AND ($2::uuid[] IS NULL OR d.patient_id = ANY($2::uuid[])) AND NOT (d.patient_id = ANY($3::uuid[]))
      GROUP BY d.patient_id
    ),
    -- each step below ends in OFFSET 0 so its columns are computed once per patient (time-zone conversions are
    -- the costly part), not again wherever the next step uses them
    base AS (
      SELECT p.id, p.organization_id, p.timezone, p.last_active_at, p.monitoring_paused_until AS paused_until,
             COALESCE(dev.devices, 0) AS devices, dev.first_paired_at, dev.last_seen_at,
             ($1::timestamptz AT TIME ZONE p.timezone)::date AS today,
             ${setting("waking_hours_start", "08:00")} AS wake_start,
             ${setting("waking_hours_end", "20:00")} AS wake_end,
             ${setting("medium_after_hours", "4")}::float8 AS medium_h,
             ${setting("phone_offline_after_hours", "2")}::float8 AS offline_h
      FROM patients p
      JOIN organizations o ON o.id = p.organization_id
      LEFT JOIN dev ON dev.patient_id = p.id
      WHERE p.is_active AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[])) AND NOT (p.id = ANY($3::uuid[]))
      OFFSET 0
    ),
    win AS (
      SELECT base.*,
        COALESCE(paused_until > $1::timestamptz, false) AS paused,
        (today + wake_start::time) AT TIME ZONE timezone AS wake_from,
        LEAST($1::timestamptz, (today + wake_end::time) AT TIME ZONE timezone) AS wake_to,
        GREATEST(COALESCE(last_active_at, first_paired_at), CASE WHEN paused_until <= $1::timestamptz THEN paused_until END) AS person_since,
        GREATEST(last_seen_at, CASE WHEN paused_until <= $1::timestamptz THEN paused_until END) AS phone_since
      FROM base
      OFFSET 0
    ),
    since AS (
      SELECT win.*,
        EXTRACT(EPOCH FROM wake_to - GREATEST(person_since, wake_from)) / 3600.0 AS silence_h,
        EXTRACT(EPOCH FROM wake_to - GREATEST(phone_since, wake_from)) / 3600.0 AS phone_h
      FROM win
      OFFSET 0
    )
    SELECT s.id AS patient_id, s.organization_id, s.timezone, s.last_active_at, s.last_seen_at, s.devices, s.paused_until, s.paused,
           s.medium_h, s.offline_h, s.wake_start, s.wake_end, s.wake_from, s.wake_to, s.person_since, s.phone_since,
           ia.id AS alert_id, ia.severity, ${baseline("ia", "last_activity_at")} AS alert_last_activity_at,
           oa.id AS offline_alert_id, oa.severity AS offline_severity, ${baseline("oa", "last_seen_at")} AS offline_alert_last_seen_at
    FROM since s
    LEFT JOIN alerts ia ON ia.open_key = s.id::text || ':inactivity:inactivity'
    LEFT JOIN alerts oa ON oa.open_key = s.id::text || ':device:${PHONE_OFFLINE}'
    WHERE ia.id IS NOT NULL OR oa.id IS NOT NULL OR (NOT s.paused AND s.devices > 0 AND (s.silence_h >= s.medium_h OR s.phone_h >= s.offline_h))`,
    now,
    scope.only ?? null,
    scope.except ?? [],
  );
}

interface Details {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  high_h: number;
  critical_h: number;
  check_in_minutes: number;
  offline_medium_h: number;
  inactivity_floor: Date | null;
  phone_floor: Date | null;
  battery_level: number | null;
  has_push_token: boolean;
  check_in_at: Date | null;
  check_in_failed: boolean | null;
}

/**
 * The second statement, for the candidates only (index lookups per patient): names and the other thresholds,
 * the last hand resolution of each alert, the battery of the most recently seen phone, whether a phone can
 * receive pushes, and the episode's check-in attempts. Two statements rather than one, so the planner sizes
 * this part by the candidates, not by every patient, and the pass over every patient stays narrow.
 */
function detailsOf(found: Candidate[]): Promise<Details[]> {
  const setting = (key: string, fallback: string) => `COALESCE(p.settings->'inactivity'->>'${key}', o.settings->'inactivity'->>'${key}', '${fallback}')`;
  return db.$queryRawUnsafe<Details[]>(
    `
    SELECT c.id, p.first_name, p.last_name, p.preferred_name,
      ${setting("high_after_hours", "6")}::float8 AS high_h,
      ${setting("critical_after_hours", "8")}::float8 AS critical_h,
      ${setting("check_in_window_minutes", "15")}::int AS check_in_minutes,
      ${setting("phone_offline_medium_after_hours", "6")}::float8 AS offline_medium_h,
      (SELECT max(a.resolved_at) FROM alerts a WHERE a.patient_id = c.id AND a.status = 'resolved' AND a.type = 'inactivity') AS inactivity_floor,
      (SELECT max(a.resolved_at) FROM alerts a
        WHERE a.patient_id = c.id AND a.status = 'resolved' AND a.type = 'device' AND a.dedup_key = '${PHONE_OFFLINE}') AS phone_floor,
      (SELECT d.battery_level FROM patient_devices d
        WHERE d.patient_id = c.id AND d.revoked_at IS NULL ORDER BY d.last_seen_at DESC NULLS LAST LIMIT 1) AS battery_level,
      EXISTS (SELECT 1 FROM patient_devices d JOIN push_tokens t ON t.device_id = d.id WHERE d.patient_id = c.id AND d.revoked_at IS NULL) AS has_push_token,
      ci.check_in_at, ci.check_in_failed
    FROM unnest($1::uuid[], $2::uuid[]) AS c(id, alert_id)
    JOIN patients p ON p.id = c.id
    JOIN organizations o ON o.id = p.organization_id
    LEFT JOIN LATERAL (
      SELECT min(n.created_at) AS check_in_at, bool_and(n.status IN ('failed', 'skipped') OR (n.status = 'pending' AND n.attempt_count > 0)) AS check_in_failed
      FROM notification_attempts n WHERE n.alert_id = c.alert_id AND n.purpose = 'check_in'
    ) ci ON true`,
    found.map((c) => c.patient_id),
    found.map((c) => c.alert_id),
  );
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const below = (current: Severity | null, target: Severity) => !current || RANK[current] < RANK[target];

/** Why the episode did not wait for an answer to the check-in (it cannot arrive). */
export type NoCheckIn = "phone_offline" | "no_push_token" | "check_in_failed";

/** What one patient's evaluation does now. */
export interface Plan {
  /** raise (or rise to) this inactivity severity */
  raise?: Severity;
  /** ...without waiting for a check-in answer, because */
  noCheckIn?: NoCheckIn;
  /** send the check-in push ("Are you all right?") */
  checkIn?: boolean;
  /** end the open inactivity episode with this note */
  endEpisode?: string;
  /** raise (or rise to) this phone-offline severity */
  phoneOffline?: Severity;
  /** resolve the open phone-offline alert with this note */
  endPhoneOffline?: string;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : "never");
/** `a` is known and later than the recorded baseline `b` (NONE: nothing was known; null: no baseline to compare) */
const later = (a: Date | string | null, b: string | null) => !!a && b !== null && (b === NONE || new Date(a).getTime() > new Date(b).getTime());

/**
 * The rules of one patient's two alerts (SPEC §5), given what the sweep read:
 * - Paused: no alerts; open ones end (the pause action ends them too; this catches a raise that raced it).
 * - Phone offline: `low` after the phone-offline threshold of waking hours without a heartbeat from any active
 *   phone, `medium` after the second; ends when a heartbeat came after it was raised (the heartbeat itself
 *   resolves it; this catches a race) or when no phone is paired any more.
 * - Inactivity: `medium` at the medium threshold; at the high threshold the check-in push first, and `high`
 *   only when no sign of life came within the check-in window; `critical` at the critical threshold. When the
 *   check-in cannot arrive (the phone is offline, has no push token, or every attempt failed) it does not
 *   wait: `high` at once, saying why. An episode whose person has been heard from since it last rose ends.
 * Never raises the same severity twice: a sweep that changes nothing writes nothing.
 */
export function decide(p: SilentPatient, now: Date): Plan {
  const plan: Plan = {};
  if (p.paused) {
    const note = `Monitoring is paused until ${iso(p.paused_until)}.`;
    if (p.alert_id) plan.endEpisode = note;
    if (p.offline_alert_id) plan.endPhoneOffline = note;
    return plan;
  }

  if (p.offline_alert_id && p.devices === 0) plan.endPhoneOffline = "No phone is paired any more.";
  else if (p.offline_alert_id && later(p.last_seen_at, p.offline_alert_last_seen_at))
    plan.endPhoneOffline = `The phone was heard from at ${iso(p.last_seen_at)}.`;
  else if (p.devices > 0 && p.phone_silence_hours >= p.offline_medium_h && below(p.offline_severity, "medium")) plan.phoneOffline = "medium";
  else if (p.devices > 0 && p.phone_silence_hours >= p.offline_h && !p.offline_severity) plan.phoneOffline = "low";
  const phoneOffline = !plan.endPhoneOffline && (!!p.offline_alert_id || !!plan.phoneOffline);

  if (p.alert_id && later(p.last_active_at, p.alert_last_activity_at)) {
    plan.endEpisode = `Ended by a sign of life at ${iso(p.last_active_at)}.`;
    return plan;
  }
  if (p.devices === 0) return plan;
  const h = p.silence_hours;
  const cannotAsk: NoCheckIn | undefined = phoneOffline
    ? "phone_offline"
    : !p.has_push_token
      ? "no_push_token"
      : p.check_in_at && p.check_in_failed
        ? "check_in_failed"
        : undefined;
  if (h >= p.critical_h) {
    if (below(p.severity, "critical")) Object.assign(plan, { raise: "critical", noCheckIn: cannotAsk });
    // the phone may still get a word through: ask, without waiting for it
    if (!p.check_in_at && !cannotAsk) plan.checkIn = true;
  } else if (h >= p.high_h) {
    if (!below(p.severity, "high")) return plan;
    if (cannotAsk) Object.assign(plan, { raise: "high", noCheckIn: cannotAsk });
    else if (!p.check_in_at) Object.assign(plan, { checkIn: true, ...(p.severity ? {} : { raise: "medium" }) });
    else if (now.getTime() - new Date(p.check_in_at).getTime() >= p.check_in_minutes * 60_000) plan.raise = "high";
  } else if (h >= p.medium_h && !p.severity) {
    plan.raise = "medium";
  }
  return plan;
}

/** "9:05 AM" where the patient lives. */
const localClock = (d: Date | string, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone }).format(new Date(d));
const battery = (p: SilentPatient) => (p.battery_level === null ? "" : ` (battery ${p.battery_level}%)`);

function whyNoWait(p: SilentPatient, reason: NoCheckIn | undefined): string {
  const first = p.preferred_name || p.first_name;
  if (reason === "phone_offline")
    return ` Elda could not ask ${first} whether they are all right: the phone has not been heard from since ${localClock(p.last_seen_at ?? p.counted_from, p.timezone)} their time${battery(p)}.`;
  if (reason === "no_push_token") return ` Elda could not ask ${first} whether they are all right: the phone has not registered for notifications.`;
  if (reason === "check_in_failed") return ` Elda's check-in ("Are you all right?") could not be delivered to the phone.`;
  if (p.check_in_at) return ` Elda asked ${first} "Are you all right?" at ${localClock(p.check_in_at, p.timezone)} their time and got no answer.`;
  return "";
}

function describeInactivity(p: SilentPatient, severity: Severity, reason: NoCheckIn | undefined) {
  const name = `${p.first_name} ${p.last_name}`;
  const hours = Math.floor(p.silence_hours * 10) / 10;
  const last = p.last_active_at
    ? `Last sign of life: ${localClock(p.last_active_at, p.timezone)} their time (${iso(p.last_active_at)}).`
    : "No sign of life since the phone was paired.";
  return {
    title: severity === "critical" ? `${name} has not been heard from for ${Math.floor(hours)} hours` : `${name} has been quiet for ${Math.floor(hours)} hours`,
    description: `No sign of life from ${name} for ${hours} hours of waking time (${p.wake_start}-${p.wake_end} in their time zone). ${last}${RANK[severity] >= RANK.high ? whyNoWait(p, reason) : ""}`,
    recommendedAction:
      severity === "critical"
        ? `Call ${p.preferred_name || p.first_name} now. If there is no answer, call their emergency contact or go to them.`
        : `Call ${p.preferred_name || p.first_name} to check that they are all right.`,
  };
}

function describePhoneOffline(p: SilentPatient) {
  const name = `${p.first_name} ${p.last_name}`;
  const first = p.preferred_name || p.first_name;
  const hours = Math.floor(p.phone_silence_hours * 10) / 10;
  const since = p.last_seen_at ? `since ${localClock(p.last_seen_at, p.timezone)} their time (${iso(p.last_seen_at)})` : "at all";
  return {
    title: `${name}'s phone has not been heard from for ${Math.floor(hours)} hours`,
    description: `No heartbeat from ${name}'s phone ${since}${p.battery_level === null ? "" : `; its battery was at ${p.battery_level}%`}. ${first} may be fine, but nobody can see: reminders, check-ins and the emergency button need the phone.`,
    recommendedAction: `Call ${first} and ask them to charge the phone and open Elda, or ask someone nearby to look in.`,
  };
}

export interface Evaluation {
  raised: Severity | null;
  checkIn: boolean;
  phoneOffline: Severity | null;
  ended: number;
}

/**
 * Advance one patient's inactivity episode and phone-offline alert as `decide` says, in one transaction. Each
 * rise notifies again; a sign of life ends the episode (lib/activity/sign-of-life.ts), a heartbeat the
 * phone-offline alert. Idempotent: it works from the patient's state, so a duplicate or late event changes
 * nothing.
 */
export async function evaluateSilentPatient(p: SilentPatient, now: Date): Promise<Evaluation> {
  const plan = decide(p, now);
  const result: Evaluation = { raised: plan.raise ?? null, checkIn: !!plan.checkIn, phoneOffline: plan.phoneOffline ?? null, ended: 0 };
  if (!plan.raise && !plan.checkIn && !plan.endEpisode && !plan.phoneOffline && !plan.endPhoneOffline) return result;
  const events: DomainEvent[] = [];
  await db.$transaction(async (tx) => {
    if (plan.endEpisode && p.alert_id && (await resolveAlertAutomatically(tx, p.alert_id, plan.endEpisode, now))) result.ended++;
    if (plan.endPhoneOffline && p.offline_alert_id && (await resolveAlertAutomatically(tx, p.offline_alert_id, plan.endPhoneOffline, now))) result.ended++;
    let alertId = p.alert_id;
    if (plan.raise) {
      const severity = plan.raise;
      const threshold = severity === "critical" ? p.critical_h : severity === "high" ? p.high_h : p.medium_h;
      const r = await raiseAlert(
        tx,
        {
          patientId: p.patient_id,
          type: "inactivity",
          severity,
          dedupKey: "inactivity",
          ...describeInactivity(p, severity, plan.noCheckIn),
          source: `inactivity:${threshold}h`,
          evidence: {
            kind: "rule",
            at: now.toISOString(),
            rule: "inactivity",
            threshold_hours: threshold,
            silence_hours: Math.round(p.silence_hours * 100) / 100,
            last_activity_at: p.last_active_at ? new Date(p.last_active_at).toISOString() : null,
            counted_from: new Date(p.counted_from).toISOString(),
            waking_hours: `${p.wake_start}-${p.wake_end}`,
            phone_last_seen_at: p.last_seen_at ? new Date(p.last_seen_at).toISOString() : null,
            ...(p.check_in_at ? { check_in_sent_at: new Date(p.check_in_at).toISOString() } : {}),
            ...(plan.noCheckIn ? { check_in_not_awaited: plan.noCheckIn } : {}),
          },
        },
        now,
      );
      alertId = r.alertId;
      if (r.event) events.push(r.event);
    }
    if (plan.checkIn && alertId) await sendCheckIn(tx, p, alertId, now);
    if (plan.phoneOffline) {
      const threshold = plan.phoneOffline === "medium" ? p.offline_medium_h : p.offline_h;
      const r = await raiseAlert(
        tx,
        {
          patientId: p.patient_id,
          type: "device",
          severity: plan.phoneOffline,
          dedupKey: PHONE_OFFLINE,
          ...describePhoneOffline(p),
          source: `phone_offline:${threshold}h`,
          evidence: {
            kind: "phone_offline",
            at: now.toISOString(),
            rule: "phone_offline",
            threshold_hours: threshold,
            offline_hours: Math.round(p.phone_silence_hours * 100) / 100,
            last_seen_at: p.last_seen_at ? new Date(p.last_seen_at).toISOString() : null,
            battery_level: p.battery_level,
            waking_hours: `${p.wake_start}-${p.wake_end}`,
          },
        },
        now,
      );
      if (r.event) events.push(r.event);
    }
  });
  await emit(...events);
  if (plan.checkIn) await sendPendingPushes(now);
  return result;
}

async function sendCheckIn(tx: Tx, p: SilentPatient, alertId: string, now: Date) {
  const push = await checkInPush(tx, p.patient_id, alertId, now);
  if (push) await pushToPatients(tx, [push], now);
}

const NOTHING: Evaluation = { raised: null, checkIn: false, phoneOffline: null, ended: 0 };

/**
 * One patient, as the fanned-out job does it (a fresh read, so a sign of life since the sweep counts). A
 * failure that is the patient's own quarantines them (lib/jobs/isolate-failures.ts).
 */
export async function evaluatePatientInactivity(patientId: string, now: Date): Promise<Evaluation & { quarantined?: boolean }> {
  const done = await runOneIsolated(INACTIVITY_JOB, "patient", patientId, now, async () => {
    const [p] = await findSilentPatients(now, { only: [patientId] });
    return p ? evaluateSilentPatient(p, now) : NOTHING;
  });
  return done ?? { ...NOTHING, quarantined: true };
}

/** The whole sweep in one process (tests, and engines without fan-out): find, then evaluate each. */
export async function sweepInactivity(now: Date) {
  const tally = { silent: 0, raised: 0, checkIns: 0, phoneOffline: 0, ended: 0, quarantined: 0 };
  const sweep = await runIsolated(INACTIVITY_JOB, "patient", now, async (scope, isolation) => {
    const found = await findSilentIsolated(now, scope, isolation);
    tally.silent += found.length;
    for (const r of await isolation.each(
      found,
      (p) => p.patient_id,
      (p) => evaluateSilentPatient(p, now),
    )) {
      if (r.raised) tally.raised++;
      if (r.checkIn) tally.checkIns++;
      if (r.phoneOffline) tally.phoneOffline++;
      tally.ended += r.ended;
    }
  });
  tally.quarantined = sweep.quarantined.length;
  return tally;
}

/**
 * Fault isolation around the finding statements (lib/jobs/isolate-failures.ts): one patient whose row makes
 * them fail (a zone PostgreSQL does not know, a corrupt setting) is found by splitting the patients in halves
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
