import "server-only";
import { db, pool } from "@/lib/db/client";
import { DEFAULT_ORGANIZATION_SETTINGS } from "@/lib/orgs/schemas";
import { logger } from "@/lib/observability/logger";
import { SYSTEM_CHAIN } from "@/lib/audit/audit-chain";

const BATCH = 5_000;
/** batches per table and run: a daily run deletes at most this many × BATCH rows per table, and catches up the next day */
const MAX_BATCHES = 40;
const D = DEFAULT_ORGANIZATION_SETTINGS.retention;

/**
 * What account-level data is kept, whatever the organization (a caregiver may belong to several): fixed
 * periods, counted from when the row stopped being used.
 */
export const ACCOUNT_RETENTION_DAYS = {
  /** signed-out, revoked or expired sessions (client address, browser), with their refresh tokens */
  ended_session_days: 90,
  /** refresh tokens of live sessions, once expired */
  expired_refresh_token_days: 30,
  /** failed sign-in counters (they name the email address or the client address) after the last failure */
  login_throttle_days: 30,
  /** rate-limit windows (keyed by device, address or account) after they closed */
  rate_limit_days: 1,
  /** browsers' Web Push subscriptions never used, or not used, for this long */
  web_push_unused_days: 180,
  /** pairing codes after they expired */
  pairing_code_days: 30,
  /** invitations (an invitee's email or phone number) after they were accepted, revoked or expired */
  invitation_days: 90,
  /** a background job's quarantined row (a patient, caregiver or alert id) not seen failing for this long */
  job_quarantine_days: 30,
} as const;

/**
 * Every table of the database and what keeps it from holding personal data longer than needed: a retention
 * rule of this file, or the row it lives and dies with. lib/retention/retention-coverage.test.ts reads the
 * tables from the database itself, so a new table fails that test until it is classified here.
 */
export const RETENTION_COVERAGE: Record<string, string> = {
  organizations: "no personal data; kept while the organization exists",
  memberships: "lives with the caregiver's account and the organization",
  caregivers: "the account itself; deleted with it",
  sessions: "retention: ended sessions after ended_session_days",
  refresh_tokens: "retention: with their session, or expired_refresh_token_days after expiry",
  login_throttles: "retention: login_throttle_days after the last failure",
  rate_limit_buckets: "retention: rate_limit_days after the window closed",
  api_keys: "lives with the caregiver's account (hashed secret, name, scopes)",
  recovery_codes: "lives with the caregiver's two-factor sign-in (keyed hashes); replaced on re-enrolment, deleted when it is turned off or reset",
  patients: "the patient's record; erasure deletes it and everything below (foreign keys cascade)",
  care_team_members: "lives with the patient and the caregiver",
  pairing_codes: "retention: pairing_code_days after expiry",
  invitations: "retention: invitation_days after accepted, revoked or expired",
  facilities: "no personal data (a name and an address of the organization's site); kept while the organization exists",
  patient_devices: "lives with the patient",
  push_tokens: "lives with the device",
  schedules: "lives with the patient (the care plan in force)",
  reminders: "retention: settings.retention.reminder_days after due",
  conversations: "retention: settings.retention.conversation_days after the last turn",
  conversation_turns: "retention: with their conversation",
  daily_summaries: "retention: settings.retention.summary_days after the day",
  insights: "retention: settings.retention.insight_days after generated",
  caregiver_notes: "lives with the patient (what the companion must know now)",
  activity_logs: "retention: settings.retention.activity_days after it happened",
  alerts: "retention: settings.retention.alert_days after resolved (open alerts are never deleted)",
  alert_events: "retention: with their alert",
  notification_attempts: "retention: settings.retention.notification_days after created, once settled; with their alert",
  web_push_subscriptions: "retention: web_push_unused_days after last use",
  audit_events: "retention: settings.retention.audit_days, from the head of each chain, with an anchor",
  audit_chain_anchors: "no personal data (a sequence number and a hash per chain)",
  consents: "lives with the patient (the legal record of what they agreed to)",
  job_status: "no personal data",
  job_engine_boots: "no personal data",
  job_leases: "no personal data (a boot id and times)",
  job_quarantine: "retention: job_quarantine_days after last seen failing",
  organization_usage: "no personal data (monthly counts, the billing record); kept while the organization exists",
  organization_active_patients: "patient ids per month without other data (the billing record of active patients); kept while the organization exists",
  patient_transfers: "lives with the patient and both organizations",
};

/** Each organization's retention in days for one setting (its own, else the default), as SQL. */
const days = (key: keyof typeof D) => `COALESCE((o.settings->'retention'->>'${key}')::int, ${D[key]})`;
const ONLY = "($2::uuid[] IS NULL OR o.id = ANY($2::uuid[]))";
const OF_PATIENT = "JOIN patients p ON p.id = t.patient_id JOIN organizations o ON o.id = p.organization_id";
const older = (column: string, key: keyof typeof D) => `${column} < $1::timestamptz - ${days(key)} * interval '1 day'`;
const perOrganization = (table: string, where: string, join = OF_PATIENT) =>
  `DELETE FROM ${table} WHERE id IN (SELECT t.id FROM ${table} t ${join} WHERE ${where} AND ${ONLY} LIMIT ${BATCH})`;
/** caregivers of the organizations a run is limited to (all when not limited) */
const MEMBER = "($2::uuid[] IS NULL OR t.caregiver_id IN (SELECT m.caregiver_id FROM memberships m WHERE m.organization_id = ANY($2::uuid[])))";
const A = ACCOUNT_RETENTION_DAYS;
const fixed = (column: string, n: number) => `${column} < $1::timestamptz - interval '${n} days'`;

/**
 * Per organization (its `retention` settings; defaults in DEFAULT_ORGANIZATION_SETTINGS), in batches, oldest
 * first: activity by when it happened; conversations (turns go with them) by their last turn; resolved alerts
 * (their timeline and notification attempts go with them) by when they were resolved; settled notification
 * attempts by when they were created (a caregiver's test notification, without a patient, keeps the
 * default); reminders by when they were due; daily summaries by their day; insights by when they were made.
 */
const STATEMENTS = {
  activity: perOrganization("activity_logs", older("t.occurred_at", "activity_days")),
  conversations: perOrganization("conversations", older("t.last_turn_at", "conversation_days")),
  alerts: perOrganization("alerts", `t.status IN ('resolved', 'auto_resolved') AND ${older("COALESCE(t.resolved_at, t.last_occurred_at)", "alert_days")}`),
  notifications: perOrganization(
    "notification_attempts",
    `t.status IN ('sent', 'delivered', 'failed', 'simulated', 'skipped') AND ${older("t.created_at", "notification_days")}`,
    "LEFT JOIN patients p ON p.id = t.patient_id LEFT JOIN organizations o ON o.id = p.organization_id",
  ),
  reminders: perOrganization("reminders", older("t.due_at", "reminder_days")),
  summaries: perOrganization("daily_summaries", older("t.summary_date", "summary_days")),
  insights: perOrganization("insights", older("t.created_at", "insight_days")),
  pairing_codes: perOrganization("pairing_codes", fixed("t.expires_at", A.pairing_code_days)),
  invitations: perOrganization(
    "invitations",
    fixed("COALESCE(t.accepted_at, t.revoked_at, t.expires_at)", A.invitation_days),
    "JOIN organizations o ON o.id = t.organization_id",
  ),
  sessions: `DELETE FROM sessions WHERE id IN (SELECT t.id FROM sessions t WHERE ${fixed("COALESCE(t.revoked_at, t.expires_at)", A.ended_session_days)}
    AND (t.revoked_at IS NOT NULL OR t.expires_at < $1::timestamptz) AND ${MEMBER} LIMIT ${BATCH})`,
  refresh_tokens: `DELETE FROM refresh_tokens WHERE id IN (SELECT r.id FROM refresh_tokens r JOIN sessions t ON t.id = r.session_id
    WHERE ${fixed("r.expires_at", A.expired_refresh_token_days)} AND ${MEMBER} LIMIT ${BATCH})`,
  web_push_subscriptions: `DELETE FROM web_push_subscriptions WHERE id IN (SELECT t.id FROM web_push_subscriptions t
    WHERE ${fixed("COALESCE(t.last_used_at, t.created_at)", A.web_push_unused_days)} AND ${MEMBER} LIMIT ${BATCH})`,
} as const;

/** Tables without an owner a run could be limited to: only the daily job (no organizations given) clears them. */
const ACCOUNT_WIDE = {
  login_throttles: `DELETE FROM login_throttles WHERE key IN (SELECT key FROM login_throttles
    WHERE ${fixed("COALESCE(last_failure_at, '-infinity')", A.login_throttle_days)} AND (locked_until IS NULL OR locked_until < $1::timestamptz) LIMIT ${BATCH})`,
  rate_limit_buckets: `DELETE FROM rate_limit_buckets WHERE key IN (SELECT key FROM rate_limit_buckets WHERE ${fixed("window_ends", A.rate_limit_days)} LIMIT ${BATCH})`,
  job_quarantine: `DELETE FROM job_quarantine WHERE (job, row_kind, row_id) IN (SELECT job, row_kind, row_id FROM job_quarantine
    WHERE ${fixed("last_seen_at", A.job_quarantine_days)} LIMIT ${BATCH})`,
} as const;

type Counts = Record<keyof typeof STATEMENTS | keyof typeof ACCOUNT_WIDE | "audit", number>;

async function drain(sql: string, params: unknown[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { rowCount } = await pool.query(sql, params);
    n += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) break;
  }
  return n;
}

/**
 * Audit rows are deleted only from the head of each chain (decision 023): the sealed rows up to the last one
 * that, like every row before it, is older than the organization's `audit_days`. The last deleted row's
 * sequence and hash become the chain's anchor, in the same transaction and under the sealer's lock, so the
 * chain still verifies from there. Rows not sealed yet wait for the sealing job.
 */
async function deleteAuditHeads(now: Date, organizationIds: string[] | null): Promise<number> {
  const { rows } = await pool.query<{ chain: string; cutoff: Date }>(
    `SELECT DISTINCT COALESCE(e.organization_id, '${SYSTEM_CHAIN}'::uuid)::text AS chain, $1::timestamptz - ${days("audit_days")} * interval '1 day' AS cutoff
       FROM audit_events e LEFT JOIN organizations o ON o.id = e.organization_id
      WHERE e.sealed_at IS NOT NULL AND ${older("e.created_at", "audit_days")} AND ${ONLY}`,
    [now, organizationIds],
  );
  let deleted = 0;
  for (const { chain, cutoff } of rows) {
    const where = chain === SYSTEM_CHAIN ? "organization_id IS NULL" : "organization_id = $1::uuid";
    const arg = chain === SYSTEM_CHAIN ? null : chain;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const n = await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, `audit-chain:${chain}`);
        const params = arg ? [arg, cutoff] : [cutoff];
        const c = arg ? "$2" : "$1";
        // the head's last row: before the first sealed row that is young enough to keep (or the last sealed row)
        const [head] = await tx.$queryRawUnsafe<{ first: bigint | null; keep: bigint | null; last: bigint | null }[]>(
          `SELECT min(sequence) AS first, min(sequence) FILTER (WHERE created_at >= ${c}::timestamptz) AS keep, max(sequence) AS last
             FROM audit_events WHERE ${where} AND sealed_at IS NOT NULL`,
          ...params,
        );
        if (head.first === null) return 0;
        const end = head.keep !== null ? head.keep - 1n : head.last!;
        const upTo = end < head.first + BigInt(BATCH) - 1n ? end : head.first + BigInt(BATCH) - 1n;
        if (upTo < head.first) return 0;
        const [anchor] = await tx.$queryRawUnsafe<{ hash: string }[]>(
          `SELECT hash FROM audit_events WHERE ${where} AND sequence = ${arg ? "$2" : "$1"}::bigint`,
          ...(arg ? [arg, String(upTo)] : [String(upTo)]),
        );
        const removed = await tx.$executeRawUnsafe(
          `DELETE FROM audit_events WHERE ${where} AND sealed_at IS NOT NULL AND sequence <= ${arg ? "$2" : "$1"}::bigint`,
          ...(arg ? [arg, String(upTo)] : [String(upTo)]),
        );
        await tx.auditChainAnchor.upsert({
          where: { chainId: chain },
          create: { chainId: chain, sequence: upTo, hash: anchor.hash, anchoredAt: now },
          update: { sequence: upTo, hash: anchor.hash, anchoredAt: now },
        });
        return removed;
      });
      deleted += n;
      if (n < BATCH) break;
    }
  }
  return deleted;
}

/**
 * `organizationIds` limits a run to those organizations, their patients and their caregivers (tests); the
 * daily job covers every one, and also the account-wide tables (sign-in throttles, rate limits, quarantine).
 */
export async function applyRetention(now: Date, organizationIds: string[] | null = null): Promise<Counts> {
  const deleted = {} as Counts;
  for (const [table, sql] of Object.entries(STATEMENTS) as [keyof typeof STATEMENTS, string][]) deleted[table] = await drain(sql, [now, organizationIds]);
  deleted.audit = await deleteAuditHeads(now, organizationIds);
  for (const [table, sql] of Object.entries(ACCOUNT_WIDE) as [keyof typeof ACCOUNT_WIDE, string][]) {
    deleted[table] = organizationIds ? 0 : await drain(sql, [now]);
  }
  logger.info({ deleted }, "retention applied");
  return deleted;
}
