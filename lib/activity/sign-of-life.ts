import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/client";

/**
 * A sign of life (heartbeat, app use, conversation, acknowledgement: SPEC §5) moves the patient's
 * last activity forward and ends any inactivity episode: its open alert is auto-resolved with a note.
 * Written as CTEs so the heartbeat can do this and its own writes in one statement (one round trip).
 */
export function signOfLifeCtes(patientId: string, now: Date, source: string, opts: { heartbeat?: boolean; appVersion?: string | null } = {}): Prisma.Sql {
  const note = `Ended by a sign of life (${source}) at ${now.toISOString()}.`;
  return Prisma.sql`
    pu AS (
      UPDATE patients SET
        last_active_at = GREATEST(COALESCE(last_active_at, ${now}), ${now})
        ${opts.heartbeat ? Prisma.sql`, last_heartbeat_at = GREATEST(COALESCE(last_heartbeat_at, ${now}), ${now})` : Prisma.empty}
        ${opts.appVersion ? Prisma.sql`, app_version = ${opts.appVersion}` : Prisma.empty}
      WHERE id = ${patientId}::uuid
      RETURNING id
    ),
    ar AS (
      UPDATE alerts SET status = 'auto_resolved', open_key = NULL, resolved_at = ${now}, resolution_note = ${note},
        escalation_state = CASE WHEN escalation_state = 'active' THEN 'acknowledged'::"EscalationState" ELSE escalation_state END,
        next_escalation_at = NULL, updated_at = ${now}
      WHERE patient_id = ${patientId}::uuid AND type = 'inactivity' AND status IN ('open', 'acknowledged')
      RETURNING id
    ),
    ae AS (
      INSERT INTO alert_events (id, alert_id, kind, actor_type, note, data, created_at)
      SELECT gen_random_uuid(), ar.id, 'auto_resolved', 'system', ${note}, ${JSON.stringify({ source })}::jsonb, ${now} FROM ar
      RETURNING alert_id
    )`;
}

/** Record a sign of life on its own (conversations, acknowledgements). Returns the inactivity alerts it ended. */
export async function recordSignOfLife(tx: Tx, patientId: string, now: Date, source: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ alert_id: string }[]>`WITH ${signOfLifeCtes(patientId, now, source)} SELECT alert_id FROM ae`;
  return rows.map((r) => r.alert_id);
}
