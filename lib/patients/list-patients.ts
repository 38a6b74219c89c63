import "server-only";
import { pool, Prisma } from "@/lib/db/client";
import { preparedName } from "@/lib/db/prepared-name";
import { patientsInScopeCteSql, requireCaregiver, visibleScopeSql } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { cursorValues, toPage, type SortKey } from "@/lib/api/pagination";
import { auditInsertSql } from "@/lib/audit/record-audit";
import { presentPatient, type PresentablePatient } from "./present-patient";
import type { ListPatientsQuery, PatientOutput } from "./schemas";

type SqlSortKey = SortKey & { column: string };

const SORTS: Record<ListPatientsQuery["sort"], SqlSortKey[]> = {
  created_at: [{ field: "createdAt", type: "date", column: "created_at" }],
  updated_at: [{ field: "updatedAt", type: "date", column: "updated_at" }],
  name: [
    { field: "lastName", type: "string", column: "last_name" },
    { field: "firstName", type: "string", column: "first_name" },
  ],
};

/**
 * Lists count their matches exactly up to this many; a larger list answers without `total` (counting 10,000
 * rows on every page and every keystroke of a search cost more than the page itself).
 */
export const EXACT_TOTAL_UP_TO = 1_000;

type Row = PresentablePatient & { total: number; standing: PatientOutput["my_standing"] };

/**
 * Every patient the caregiver can see, with name search, sort and cursor pagination: one statement resolves
 * the scope, reads the page, its capped count and the caller's standing on each patient, and writes the
 * audit row (docs/decisions/034-hot-paths.md).
 */
export async function listPatients(actor: Actor, query: ListPatientsQuery, now: Date) {
  const me = requireCaregiver(actor);
  const keys = SORTS[query.sort];
  const after = query.cursor ? cursorValues(keys, query.cursor) : null;
  const rows = await pageRows(actor, me.caregiverId, query, keys, after);
  const total = rows[0]?.total ?? 0;
  const patients = rows[0]?.id ? rows : [];
  return toPage(patients, query.limit, keys, (p) => presentPatient(p, now, p.standing), total <= EXACT_TOTAL_UP_TO ? total : undefined);
}

const sql = Prisma.sql;
const raw = Prisma.raw;

/**
 * The page and the count are each a merge of ordered index scans: one per organization and per facility in the
 * scope (patients ordered by name within each: `patients_{organization,facility}_id_last_name_first_name_idx`),
 * each stopping after the rows it can contribute, plus the caregiver's own care-team patients. Filtering the
 * whole scope and sorting it instead read and sorted all 10,000 rows of a large agency for every page
 * (16-18 ms of the database's time against 0.4 ms).
 */
function pageRows(actor: Actor, caregiverId: string, query: ListPatientsQuery, keys: SqlSortKey[], after: (string | number | Date)[] | null) {
  const dir = query.order === "desc" ? "DESC" : "ASC";
  const orderBy = (alias: string) => raw([...keys.map((k) => `${alias}.${k.column}`), `${alias}.id`].map((c) => `${c} ${dir}`).join(", "));
  const filters: Prisma.Sql[] = [];
  if (query.facility_id) filters.push(sql`p.facility_id = ${query.facility_id}::uuid`);
  if (!query.include_inactive) filters.push(sql`p.is_active`);
  const terms = (query.q ?? "").split(/\s+/).filter(Boolean).slice(0, 4);
  // a term (no spaces in it) is in one of the names exactly when it is in the three joined by spaces, the
  // expression `patients_names_trgm_idx` indexes (prisma/migrations/20261204010000_patient_name_search)
  for (const term of terms) filters.push(sql`${raw(NAMES)} ILIKE ${`%${term.replace(/[\\%_]/g, "\\$&")}%`}`);
  const cursor = after
    ? sql`(${raw([...keys.map((k) => `p.${k.column}`), "p.id"].join(", "))}) ${raw(query.order === "desc" ? "<" : ">")} (${Prisma.join(
        after.map((v, i) => (i === keys.length ? sql`${v}::uuid` : keys[i].type === "date" ? sql`${v}::timestamptz` : sql`${v}`)),
      )})`
    : null;
  // the limits are written into the text, not bound: the planner then knows how few rows each scan gives, and the
  // plan it keeps for the prepared statement stays the cheap one (bound, it guessed 10% of the table and planned
  // for 10,000 rows)
  const take = raw(String(query.limit + 1));
  const cap = raw(String(EXACT_TOTAL_UP_TO + 1));
  const statement = sql`
    WITH scope AS (${visibleScopeSql(caregiverId, query.organization_id ?? null)}),
    total AS (
      -- counted in name order whatever the sort: the order both name indexes give, so each scan stops at the cap
      SELECT count(*)::int AS n FROM (${inScope(terms.length > 0, raw("1"), filters, raw("p.last_name, p.first_name"), cap)} LIMIT ${cap}) c
    ),
    page AS (
      SELECT u.* FROM (${inScope(terms.length > 0, raw("p.*"), cursor ? [...filters, cursor] : filters, orderBy("p"), take)}) u
      ORDER BY ${orderBy("u")} LIMIT ${take}
    ),
    audit AS (
      ${auditInsertSql(
        actor,
        { action: "patient.listed", targetType: "patient" },
        sql`jsonb_build_object('count', count(*), 'patient_ids', COALESCE(jsonb_agg(shown.id ORDER BY ${orderBy("shown")}), '[]'))`,
        sql`(SELECT * FROM page ORDER BY ${orderBy("page")} LIMIT ${raw(String(query.limit))}) shown`,
      )}
    )
    SELECT total.n AS total, ${raw(PATIENT_COLUMNS)}, t.standing::text AS standing
    FROM total LEFT JOIN page pg ON true
    LEFT JOIN care_team_members t ON t.patient_id = pg.id AND t.caregiver_id = ${caregiverId}::uuid
    ORDER BY ${orderBy("pg")}`;
  // straight on the pool and prepared, as the heartbeat (docs/decisions/009-hot-path-sql.md)
  return pool
    .query<Omit<Row, "dateOfBirth"> & { dateOfBirth: string }>({
      name: preparedName("patients_list", statement.text),
      text: statement.text,
      values: statement.values as unknown[],
    })
    .then((r) => r.rows.map((row): Row => ({ ...row, dateOfBirth: new Date(`${row.dateOfBirth}T00:00:00Z`) })));
}

/**
 * The scope's patients matching `filters`, at most `limit` from each organization, facility and the care team in
 * `orderBy` (the merge), or, for a name search, the matches found through the trigram index and kept when in
 * scope (a search matches few, and walking each organization in name order for them read every row).
 */
function inScope(search: boolean, select: Prisma.Sql, filters: Prisma.Sql[], orderBy: Prisma.Sql, limit: Prisma.Sql) {
  const where = filters.length ? sql` AND ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  if (search) return sql`SELECT ${select} FROM patients p WHERE ${patientsInScopeCteSql("scope", "p")}${where}`;
  const each = (ids: string, column: string) =>
    sql`SELECT ${select} FROM unnest((SELECT ${raw(ids)} FROM scope)::uuid[]) AS s(id) CROSS JOIN LATERAL (
      SELECT p.* FROM patients p WHERE p.${raw(column)} = s.id${where} ORDER BY ${orderBy} LIMIT ${limit}) p`;
  return sql`${each("organization_ids", "organization_id")} UNION ALL ${each("facility_ids", "facility_id")}
    UNION ALL SELECT ${select} FROM patients p WHERE p.id = ANY((SELECT patient_ids FROM scope)::uuid[])${where}`;
}

const NAMES = `(p.first_name || ' ' || p.last_name || ' ' || COALESCE(p.preferred_name, ''))`;

const PATIENT_COLUMNS = `pg.id, pg.organization_id AS "organizationId", pg.facility_id AS "facilityId", pg.first_name AS "firstName",
  pg.last_name AS "lastName", pg.preferred_name AS "preferredName", pg.date_of_birth::text AS "dateOfBirth", pg.gender::text AS gender,
  pg.phone_number AS "phoneNumber", pg.address, pg.emergency_contact_name AS "emergencyContactName",
  pg.emergency_contact_phone AS "emergencyContactPhone", COALESCE(pg.medical_conditions, '{}') AS "medicalConditions",
  COALESCE(pg.medications, '{}') AS medications, COALESCE(pg.allergies, '{}') AS allergies,
  COALESCE(pg.dietary_restrictions, '{}') AS "dietaryRestrictions", pg.personal_context AS "personalContext",
  pg.profile_photo_url AS "profilePhotoUrl", pg.timezone, pg.preferred_voice::text AS "preferredVoice",
  pg.communication_style::text AS "communicationStyle", pg.language, pg.app_version AS "appVersion",
  pg.last_heartbeat_at AS "lastHeartbeatAt", pg.last_active_at AS "lastActiveAt", pg.ai_model AS "aiModel",
  pg.ai_system_prompt AS "aiSystemPrompt", pg.ai_context_window AS "aiContextWindow", pg.settings,
  pg.monitoring_paused_until AS "monitoringPausedUntil", pg.monitoring_pause_reason AS "monitoringPauseReason",
  pg.is_active AS "isActive", pg.created_at AS "createdAt", pg.updated_at AS "updatedAt"`;
