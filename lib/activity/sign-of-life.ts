import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/client";
import { openKeyOf } from "@/lib/alerts/raise-alert";
import type { HeartbeatInput } from "./schemas";

/**
 * Signs of life (SPEC §5; docs/decisions/014-inactivity-measured-from-the-person.md): what shows that the
 * person, not just the phone, is there. A heartbeat is one only when the app is in the foreground, when it
 * reports an app action the person did, or when it reports the person's last interaction; a background ping
 * proves only that the phone is on.
 */
export interface SignOfLife {
  at: Date;
  /** what it was, for the note on the episode it ends: "app_open", "last_interaction", "caregiver_contact"... */
  source: string;
}

/** The dedup key of the phone-offline device alert (one per patient, SPEC §5). */
export const PHONE_OFFLINE = "phone_offline";

/** Heartbeat activity types that only a person using the app produces. */
const PERSON_ACTIVITY = new Set<string>(["app_open", "emergency", "conversation", "reminder_response"]);
/** A phone's clock may run this far ahead of ours: a `last_interaction` that much in the future counts as now. */
export const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * The sign of life in a heartbeat, or null for a background ping: `app_open` and the other person-made
 * activity types, `details.app_state: "active"`, or `details.last_interaction` when it is not in the future
 * (beyond clock skew; then it is ignored, never taken as "now"). An older-than-known interaction is passed on
 * and changes nothing: the SQL keeps the later of the two.
 */
export function heartbeatSignOfLife(input: HeartbeatInput, now: Date): SignOfLife | null {
  if (PERSON_ACTIVITY.has(input.activity_type)) return { at: now, source: input.activity_type };
  if (input.details?.app_state === "active") return { at: now, source: "app_in_foreground" };
  const reported = input.details?.last_interaction;
  if (!reported) return null;
  const t = Date.parse(reported);
  if (!Number.isFinite(t) || t > now.getTime() + CLOCK_SKEW_MS) return null;
  return { at: new Date(Math.min(t, now.getTime())), source: "last_interaction" };
}

/** A caregiver who ended an episode by speaking to the patient (their name goes in the note). */
export interface ResolvedByCaregiver {
  caregiverId: string;
  note: string;
}

/**
 * What a sign of life and a heartbeat do to the patient, as CTEs so the heartbeat does it and its own writes in
 * one statement (one round trip; docs/decisions/009-hot-path-sql.md):
 * - `pu`: the patient's last activity moves to the sign of life when it is later than what is known (never
 *   backwards; GREATEST ignores a null); a heartbeat also moves `last_heartbeat_at` (the phone is on).
 * - `ar`: a sign of life later than the last known one ends the open inactivity episode: auto-resolved with a
 *   note, or resolved by the caregiver who spoke to the patient. Found through the open-key index; without a
 *   sign of life (a background ping) the statement has no such update at all.
 * - `dr` (heartbeats only): any heartbeat resolves the phone-offline alert; the phone is back.
 * - `ae`: one alert event for each alert ended.
 * Every CTE runs against the statement's snapshot, so the subquery on `patients` in `ar` reads the last
 * activity as it was before `pu`.
 */
export function signOfLifeCtes(
  patientId: string,
  life: SignOfLife | null,
  now: Date,
  opts: { heartbeat?: { batteryLevel: number | null; appVersion: string | null }; by?: ResolvedByCaregiver; guard?: Prisma.Sql } = {},
): Prisma.Sql {
  // a condition every write here also needs (the heartbeat's: its device credential resolved to this patient)
  const guard = opts.guard ? Prisma.sql`AND ${opts.guard}` : Prisma.empty;
  const lifeAt = life?.at ?? null;
  const inactivityNote = opts.by?.note ?? (life ? `Ended by a sign of life (${life.source}) at ${life.at.toISOString()}.` : "");
  const hb = opts.heartbeat;
  const phoneNote = hb ? `The phone was heard from again at ${now.toISOString()}${hb.batteryLevel !== null ? ` (battery ${hb.batteryLevel}%)` : ""}.` : "";
  const resolved = opts.by
    ? Prisma.sql`status = 'resolved', resolved_by_id = ${opts.by.caregiverId}::uuid,
        acknowledged_at = COALESCE(acknowledged_at, ${now}), acknowledged_by_id = COALESCE(acknowledged_by_id, ${opts.by.caregiverId}::uuid)`
    : Prisma.sql`status = 'auto_resolved'`;
  return Prisma.sql`
    pu AS (
      UPDATE patients SET
        last_active_at = GREATEST(last_active_at, ${lifeAt}::timestamptz)
        ${hb ? Prisma.sql`, last_heartbeat_at = GREATEST(last_heartbeat_at, ${now}::timestamptz)` : Prisma.empty}
        ${hb?.appVersion ? Prisma.sql`, app_version = ${hb.appVersion}` : Prisma.empty}
      WHERE id = ${patientId}::uuid ${guard}
      RETURNING id
    ),
    ar AS (
      UPDATE alerts SET ${resolved}, open_key = NULL, resolved_at = ${now}, resolution_note = ${inactivityNote},
        escalation_state = CASE WHEN escalation_state = 'active' THEN 'acknowledged'::"EscalationState" ELSE escalation_state END,
        next_escalation_at = NULL, updated_at = ${now}
      WHERE ${
        life
          ? Prisma.sql`open_key = ${openKeyOf(patientId, "inactivity", "inactivity")}
        AND ${lifeAt}::timestamptz > COALESCE((SELECT last_active_at FROM patients WHERE id = ${patientId}::uuid), '-infinity'::timestamptz) ${guard}`
          : Prisma.sql`false`
      }
      RETURNING id
    ),
    dr AS (
      UPDATE alerts SET status = 'auto_resolved', open_key = NULL, resolved_at = ${now}, resolution_note = ${phoneNote},
        escalation_state = CASE WHEN escalation_state = 'active' THEN 'acknowledged'::"EscalationState" ELSE escalation_state END,
        next_escalation_at = NULL, updated_at = ${now}
      WHERE ${hb ? Prisma.sql`open_key = ${openKeyOf(patientId, "device", PHONE_OFFLINE)} ${guard}` : Prisma.sql`false`}
      RETURNING id
    ),
    ae AS (
      INSERT INTO alert_events (id, alert_id, kind, actor_type, actor_id, note, data, created_at)
      SELECT gen_random_uuid(), e.id, e.kind::"AlertEventKind", e.actor_type::"ActorType", e.actor_id, e.note, e.data::jsonb, ${now}
      FROM (
        SELECT id, ${opts.by ? "resolved" : "auto_resolved"}::text AS kind, ${opts.by ? "caregiver" : "system"}::text AS actor_type,
               ${opts.by?.caregiverId ?? null}::uuid AS actor_id, ${inactivityNote}::text AS note, ${JSON.stringify({ source: life?.source ?? null })}::text AS data
        FROM ar
        UNION ALL
        SELECT id, 'auto_resolved', 'system', NULL::uuid, ${phoneNote}::text, ${JSON.stringify({ source: "heartbeat" })}::text FROM dr
      ) e
      RETURNING alert_id
    )`;
}

/**
 * Record a sign of life on its own (conversations, acknowledgements, a caregiver who spoke to the patient).
 * Returns the inactivity alerts it ended.
 */
export async function recordSignOfLife(tx: Tx, patientId: string, now: Date, source: string, by?: ResolvedByCaregiver): Promise<string[]> {
  const rows = await tx.$queryRaw<{ alert_id: string }[]>`WITH ${signOfLifeCtes(patientId, { at: now, source }, now, { by })} SELECT alert_id FROM ae`;
  return rows.map((r) => r.alert_id);
}
