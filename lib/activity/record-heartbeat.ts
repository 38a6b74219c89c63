import "server-only";
import { db, pool } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { DeviceActor } from "@/lib/auth/actor";
import { NotFound } from "@/lib/api/errors";
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
  reminders: { id: string; title: string; type: string; due_at: string }[] | null;
}

/**
 * The phone's heartbeat: one statement writes the activity row, moves the device's last-seen and the
 * patient's last heartbeat forward (resolving a phone-offline alert), records a sign of life when the
 * heartbeat carries one (the app in the foreground, an app action, a reported last interaction: ending an
 * inactivity episode; a background ping is not one, SPEC §5) and reads what the app should do next. With the
 * device credential check in the route wrapper that is two database round trips per heartbeat.
 * An `emergency` raises a critical emergency alert at once (joining one already open).
 */
export async function recordHeartbeat(actor: DeviceActor, patientId: string, input: HeartbeatInput, now: Date) {
  if (patientId !== actor.patientId) throw new NotFound("Patient");
  const appVersion = input.app_version || null;
  const details = JSON.stringify(input.details ?? {});
  const statement = Prisma.sql`
    WITH ins AS (
      INSERT INTO activity_logs (id, patient_id, device_id, activity_type, device_type, app_version, battery_level, latitude, longitude, details, occurred_at)
      VALUES (gen_random_uuid(), ${patientId}::uuid, ${actor.deviceId}::uuid, ${input.activity_type}::"ActivityType", ${input.device_type ?? null},
              ${appVersion}, ${input.battery_level}, ${input.latitude ?? null}, ${input.longitude ?? null}, ${details}::jsonb, ${now})
      RETURNING id
    ),
    du AS (
      UPDATE patient_devices SET last_seen_at = ${now},
        battery_level = COALESCE(${input.battery_level}, battery_level),
        app_version = COALESCE(${appVersion}, app_version)
      WHERE id = ${actor.deviceId}::uuid
      RETURNING id
    ),
    -- usage (docs/decisions/026): the patient's phone was heard this month; after the first heartbeat of the
    -- month this finds the row and writes nothing
    heard AS (
      INSERT INTO organization_active_patients (organization_id, month, patient_id)
      SELECT organization_id, ${monthOf(now)}::date, id FROM patients WHERE id = ${patientId}::uuid
      ON CONFLICT DO NOTHING
    ),
    ${signOfLifeCtes(patientId, heartbeatSignOfLife(input, now), now, { heartbeat: { batteryLevel: input.battery_level, appVersion } })}
    SELECT (
      SELECT json_agg(json_build_object('id', r.id, 'title', r.title, 'type', r.type, 'due_at', r.due_at) ORDER BY r.due_at)
      FROM (
        SELECT id, title, type, due_at FROM reminders
        WHERE patient_id = ${patientId}::uuid AND status IN ('pending', 'snoozed')
          AND due_at <= ${new Date(now.getTime() + DUE_SOON_MINUTES * 60_000)}
          AND due_at >= ${new Date(now.getTime() - OVERDUE_HOURS * 3_600_000)}
        ORDER BY due_at LIMIT 5
      ) r
    ) AS reminders
    FROM ins, du, pu`;
  // straight on the pool: one round trip, no ORM work on the hottest path (docs/decisions/009-hot-path-sql.md)
  const { rows } = await pool.query<HeartbeatRow>(statement.text, statement.values as unknown[]);
  if (rows.length === 0) throw new NotFound("Patient");
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
