import "server-only";
import { db, pool } from "@/lib/db/client";
import { preparedName } from "@/lib/db/prepared-name";
import { Prisma } from "@/lib/db/generated/client";
import type { DeviceActor, DeviceCredential } from "@/lib/auth/actor";
import { NotFound, Unauthenticated } from "@/lib/api/errors";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { emit } from "@/lib/jobs/emit";
import { heartbeatSignOfLife, signOfLifeCtes } from "./sign-of-life";
import { monthOf } from "@/lib/usage/month";
import type { HeartbeatInput } from "./schemas";

/** Reminders due within this window (or overdue but still open) come back as pending actions. */
const DUE_SOON_MINUTES = 15;
/** below this the phone may die before the next reminder: tell the care team (a `device` alert) */
export const LOW_BATTERY = 15;
const OVERDUE_HOURS = 2;

interface HeartbeatRow {
  device_id: string;
  patient_id: string;
  reminders: { id: string; title: string; type: string; due_at: string }[] | null;
}

/**
 * The phone's heartbeat, in one statement and one round trip (docs/decisions/009-hot-path-sql.md and
 * 034-hot-paths.md): it checks the device credential (`dev`: a live device; `me`: and it is this patient's), and
 * only then writes the activity row, moves the device's last-seen and the patient's last heartbeat forward
 * (resolving a phone-offline alert), records a sign of life when the heartbeat carries one (the app in the
 * foreground, an app action, a reported last interaction: ending an inactivity episode; a background ping is
 * not one, SPEC §5) and reads what the app should do next. No live device: 401; another patient's: 404; either
 * way nothing is written. An `emergency` raises a critical emergency alert at once (joining one already open).
 */
export async function recordHeartbeat(credential: DeviceCredential, patientId: string, input: HeartbeatInput, now: Date) {
  const appVersion = input.app_version || null;
  const details = JSON.stringify(input.details ?? {});
  const mine = Prisma.sql`EXISTS (SELECT 1 FROM me)`;
  const statement = Prisma.sql`
    WITH dev AS (
      SELECT id, patient_id FROM patient_devices WHERE credential_hash = ${credential.hash} AND revoked_at IS NULL
    ),
    me AS (SELECT id FROM dev WHERE patient_id = ${patientId}::uuid),
    ins AS (
      INSERT INTO activity_logs (id, patient_id, device_id, activity_type, device_type, app_version, battery_level, latitude, longitude, details, occurred_at)
      SELECT gen_random_uuid(), ${patientId}::uuid, me.id, ${input.activity_type}::"ActivityType", ${input.device_type ?? null},
             ${appVersion}, ${input.battery_level}, ${input.latitude ?? null}, ${input.longitude ?? null}, ${details}::jsonb, ${now}
      FROM me
      RETURNING id
    ),
    du AS (
      UPDATE patient_devices SET last_seen_at = ${now},
        battery_level = COALESCE(${input.battery_level}, battery_level),
        app_version = COALESCE(${appVersion}, app_version)
      WHERE id = (SELECT id FROM me)
      RETURNING id
    ),
    -- usage (docs/decisions/026): the patient's phone was heard this month; after the first heartbeat of the
    -- month this finds the row and writes nothing
    heard AS (
      INSERT INTO organization_active_patients (organization_id, month, patient_id)
      SELECT organization_id, ${monthOf(now)}::date, id FROM patients WHERE id = ${patientId}::uuid AND ${mine}
      ON CONFLICT DO NOTHING
    ),
    ${signOfLifeCtes(patientId, heartbeatSignOfLife(input, now), now, { heartbeat: { batteryLevel: input.battery_level, appVersion }, guard: mine })}
    SELECT dev.id AS device_id, dev.patient_id, CASE WHEN dev.patient_id = ${patientId}::uuid THEN (
      SELECT json_agg(json_build_object('id', r.id, 'title', r.title, 'type', r.type, 'due_at', r.due_at) ORDER BY r.due_at)
      FROM (
        SELECT id, title, type, due_at FROM reminders
        WHERE patient_id = ${patientId}::uuid AND status IN ('pending', 'snoozed')
          AND due_at <= ${new Date(now.getTime() + DUE_SOON_MINUTES * 60_000)}
          AND due_at >= ${new Date(now.getTime() - OVERDUE_HOURS * 3_600_000)}
        ORDER BY due_at LIMIT 5
      ) r
    ) END AS reminders
    FROM dev`;
  // straight on the pool, prepared: no ORM work on the hottest path (docs/decisions/009-hot-path-sql.md)
  const { rows } = await pool.query<HeartbeatRow>({
    name: preparedName("heartbeat", statement.text),
    text: statement.text,
    values: statement.values as unknown[],
  });
  if (rows.length === 0) throw new Unauthenticated("The credential is invalid, expired or revoked.");
  credential.deviceId = rows[0].device_id;
  // a phone speaks only for its own patient; another patient's id is as good as unknown
  if (rows[0].patient_id !== patientId) throw new NotFound("Patient");
  const actor: DeviceActor = { kind: "device", deviceId: rows[0].device_id, patientId };
  const pending = (rows[0].reminders ?? []).map((r) => ({
    type: "reminder_due" as const,
    reminder_id: r.id,
    reminder_type: r.type,
    title: r.title,
    due_at: new Date(r.due_at).toISOString(),
  }));
  if (input.activity_type === "emergency") await raiseEmergency(actor, patientId, input, now);
  if (input.battery_level !== null && input.battery_level < LOW_BATTERY) await raiseLowBattery(actor, patientId, input.battery_level, now);
  return { success: true as const, pending_actions: pending };
}

async function raiseEmergency(actor: DeviceActor, patientId: string, input: HeartbeatInput, now: Date) {
  const raised = await db.$transaction(async (tx) => {
    const p = await tx.patient.findUnique({ where: { id: patientId }, select: { firstName: true, lastName: true, preferredName: true } });
    const name = p ? `${p.firstName} ${p.lastName}` : "The patient";
    const where = input.latitude != null && input.longitude != null ? ` Phone location: ${input.latitude.toFixed(5)}, ${input.longitude.toFixed(5)}.` : "";
    return raiseAlert(
      tx,
      {
        patientId,
        type: "emergency",
        severity: "critical",
        dedupKey: "emergency",
        title: `${name} pressed the emergency button`,
        description: `${name} asked for help from the Elda app at ${now.toISOString()}.${where}`,
        recommendedAction: "Call them now. If they do not answer, call their emergency contact or emergency services.",
        source: "emergency_button",
        evidence: {
          kind: "emergency_button",
          at: now.toISOString(),
          device_id: actor.deviceId,
          battery_level: input.battery_level,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          app_state: input.details?.app_state ?? null,
        },
      },
      now,
    );
  });
  if (raised.event) await emit(raised.event);
  return raised;
}

/** One device alert per episode of low battery (occurrences join it; it stays until someone resolves it). */
async function raiseLowBattery(actor: DeviceActor, patientId: string, level: number, now: Date) {
  const raised = await db.$transaction(async (tx) => {
    const p = await tx.patient.findUnique({ where: { id: patientId }, select: { firstName: true, lastName: true, preferredName: true } });
    const name = p ? `${p.firstName} ${p.lastName}` : "The patient";
    return raiseAlert(
      tx,
      {
        patientId,
        type: "device",
        severity: level < 5 ? "medium" : "low",
        dedupKey: "battery_low",
        title: `${name}'s phone battery is low (${level}%)`,
        description: `The Elda app on ${name}'s phone reported ${level}% battery. If it runs out, reminders and the emergency button stop working.`,
        recommendedAction: `Remind ${p?.preferredName || p?.firstName || "them"} to charge the phone.`,
        source: `battery_below_${LOW_BATTERY}`,
        evidence: { kind: "heartbeat", at: now.toISOString(), device_id: actor.deviceId, battery_level: level },
      },
      now,
    );
  });
  if (raised.event) await emit(raised.event);
}
