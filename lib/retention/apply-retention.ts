import "server-only";
import { pool } from "@/lib/db/client";
import { DEFAULT_ORGANIZATION_SETTINGS } from "@/lib/orgs/schemas";
import { logger } from "@/lib/observability/logger";

const BATCH = 5_000;
/** batches per table and run: a daily run deletes at most this many × BATCH rows per table, and catches up the next day */
const MAX_BATCHES = 40;
const D = DEFAULT_ORGANIZATION_SETTINGS.retention;

/** Each organization's retention in days for one setting (its own, else the default), as SQL. */
const days = (key: keyof typeof D) => `COALESCE((o.settings->'retention'->>'${key}')::int, ${D[key]})`;

/**
 * What is kept, and for how long, is each organization's choice (`retention` settings: activity 365 days,
 * conversations 730, audit 2,190 by default; minimums 30, 30 and 365). Older rows are deleted in batches:
 * activity log rows by when they happened; conversations (their turns go with them) by their last turn;
 * audit rows by when they were written (rows without an organization keep the default).
 */
const ONLY = "($2::uuid[] IS NULL OR o.id = ANY($2::uuid[]))";
const STATEMENTS = {
  activity: `
    DELETE FROM activity_logs WHERE id IN (
      SELECT a.id FROM activity_logs a JOIN patients p ON p.id = a.patient_id JOIN organizations o ON o.id = p.organization_id
      WHERE a.occurred_at < $1::timestamptz - ${days("activity_days")} * interval '1 day' AND ${ONLY}
      LIMIT ${BATCH})`,
  conversations: `
    DELETE FROM conversations WHERE id IN (
      SELECT c.id FROM conversations c JOIN patients p ON p.id = c.patient_id JOIN organizations o ON o.id = p.organization_id
      WHERE c.last_turn_at < $1::timestamptz - ${days("conversation_days")} * interval '1 day' AND ${ONLY}
      LIMIT ${BATCH})`,
  audit: `
    DELETE FROM audit_events WHERE id IN (
      SELECT e.id FROM audit_events e LEFT JOIN organizations o ON o.id = e.organization_id
      WHERE e.created_at < $1::timestamptz - ${days("audit_days")} * interval '1 day' AND ${ONLY}
      LIMIT ${BATCH})`,
} as const;

/** `organizationIds` limits a run to those organizations (tests); the daily job covers every one. */
export async function applyRetention(now: Date, organizationIds: string[] | null = null) {
  const deleted = { activity: 0, conversations: 0, audit: 0 };
  for (const [table, sql] of Object.entries(STATEMENTS) as [keyof typeof STATEMENTS, string][]) {
    for (let i = 0; i < MAX_BATCHES; i++) {
      const { rowCount } = await pool.query(sql, [now, organizationIds]);
      deleted[table] += rowCount ?? 0;
      if ((rowCount ?? 0) < BATCH) break;
    }
  }
  logger.info({ deleted }, "retention applied");
  return deleted;
}
