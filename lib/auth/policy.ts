import "server-only";
import { db, Prisma, type Tx } from "@/lib/db/client";
import { memoised } from "@/lib/cache/request-memo";
import { Forbidden, NotFound } from "@/lib/api/errors";
import type { Actor, CaregiverActor } from "./actor";

/**
 * The access policy, in one place (SPEC §1 "Who sees a patient"):
 * - a caregiver sees a patient when on its care team, when owner of the patient's organization, or when admin
 *   of it whose facilities include the patient's (an admin whose membership lists no facility administers the
 *   whole organization; one that lists facilities is a facility admin, an admin over those facilities only);
 *   everyone else gets 404, so ids do not leak;
 * - reading needs any standing; writing care data needs primary or secondary standing (or admin over the patient);
 *   managing (deleting the patient, changing the care team) needs primary standing or admin over the patient;
 * - a patient device reaches only its own patient; the system reaches everything;
 * - a personal API key acts as its caregiver, limited by its scopes (assertKeyScope: "read" to read, "write"
 *   for every unsafe method).
 */
export type PatientNeed = "read" | "write" | "manage";
export type OrgRoleName = "owner" | "admin" | "member";
/** what an organization-level act asks for: "admin" is an admin over the whole organization; "facility_admin" one over some facilities */
export type OrgRoleRequirement = OrgRoleName | "facility_admin";

export interface PatientAccess {
  patientId: string;
  organizationId: string;
  facilityId: string;
  timezone: string;
  standing: "primary" | "secondary" | "viewer" | null;
  orgRole: OrgRoleName | null;
}

/** Whether a membership administers a patient of `facilityId`: owners always, admins unless their facilities leave it out. */
export function administers(role: OrgRoleName | null, facilityIds: string[] | null | undefined, facilityId: string): boolean {
  if (role === "owner") return true;
  if (role !== "admin") return false;
  return !facilityIds?.length || facilityIds.includes(facilityId);
}

/**
 * The patients this caregiver may see, as index-friendly sets: whole organizations (owner, or admin over the
 * whole organization), facilities (facility admin) and single patients (their care teams elsewhere). List
 * queries are built from it, never "load then filter"; an admin's list becomes `organization_id IN (...)`,
 * which the name index serves in order. `only.organizationId` keeps one organization's part of it (the
 * dashboard's current organization, the `organization_id` query parameter) and `only.facilityId` narrows every
 * list built from it to one facility (the `facility_id` query parameter).
 */
export interface VisibleScope {
  organizationIds: string[];
  facilityIds: string[];
  patientIds: string[];
  onlyFacilityId: string | null;
}

export interface ScopeFilter {
  organizationId?: string | null;
  facilityId?: string | null;
}

/** A read outside a transaction, once per read request (lib/cache/request-memo.ts); in a transaction, always asked. */
const onceOutsideTransaction = <T>(tx: Tx, key: string, load: () => Promise<T>): Promise<T> => (tx === db ? memoised(key, load) : load());

export async function visibleScope(tx: Tx, caregiverId: string, only: ScopeFilter = {}): Promise<VisibleScope> {
  const org = only.organizationId ?? null;
  // one statement on every list request (once per read request)
  const rows = await onceOutsideTransaction(tx, `visible-scope:${caregiverId}:${org ?? "*"}`, () => scopeRows(tx, caregiverId, org));
  return {
    organizationIds: rows[0]?.organization_ids ?? [],
    facilityIds: rows[0]?.facility_ids ?? [],
    patientIds: rows[0]?.patient_ids ?? [],
    onlyFacilityId: only.facilityId ?? null,
  };
}

function scopeRows(tx: Tx, caregiverId: string, org: string | null) {
  return tx.$queryRaw<{ organization_ids: string[] | null; facility_ids: string[] | null; patient_ids: string[] | null }[]>(visibleScopeSql(caregiverId, org));
}

/**
 * The statement behind `visibleScope`, one row of three uuid arrays (`organization_ids`, `facility_ids`,
 * `patient_ids`, each NULL when empty), for a hand-made statement to use as a CTE (the patient list:
 * lib/patients/list-patients.ts).
 */
export function visibleScopeSql(caregiverId: string, org: string | null): Prisma.Sql {
  return Prisma.sql`
    WITH admin AS (
      SELECT organization_id, role, COALESCE(facility_ids, '{}') AS facility_ids FROM memberships
       WHERE caregiver_id = ${caregiverId}::uuid AND role IN ('owner', 'admin') AND (${org}::uuid IS NULL OR organization_id = ${org}::uuid)
    ),
    whole AS (SELECT organization_id FROM admin WHERE role = 'owner' OR cardinality(facility_ids) = 0),
    facility AS (SELECT unnest(facility_ids) AS facility_id FROM admin WHERE role = 'admin' AND organization_id NOT IN (SELECT organization_id FROM whole))
    SELECT (SELECT array_agg(organization_id::text) FROM whole) AS organization_ids,
           (SELECT array_agg(facility_id::text) FROM facility) AS facility_ids,
           (SELECT array_agg(t.patient_id::text) FROM care_team_members t JOIN patients p ON p.id = t.patient_id
             WHERE t.caregiver_id = ${caregiverId}::uuid AND (${org}::uuid IS NULL OR p.organization_id = ${org}::uuid)
               AND p.organization_id NOT IN (SELECT organization_id FROM whole)
               AND p.facility_id NOT IN (SELECT facility_id FROM facility)) AS patient_ids`;
}

export const emptyScope = (s: VisibleScope) => s.organizationIds.length === 0 && s.facilityIds.length === 0 && s.patientIds.length === 0;

/** Prisma filter over patients for a visible scope (matches nothing when the scope is empty). */
export function patientsInScope(scope: VisibleScope): Prisma.PatientWhereInput {
  const parts: Prisma.PatientWhereInput[] = [];
  if (scope.organizationIds.length) parts.push({ organizationId: { in: scope.organizationIds } });
  if (scope.facilityIds.length) parts.push({ facilityId: { in: scope.facilityIds } });
  if (scope.patientIds.length) parts.push({ id: { in: scope.patientIds } });
  if (parts.length === 0) return { id: { in: [] } };
  const any = parts.length === 1 ? parts[0] : { OR: parts };
  return scope.onlyFacilityId ? { AND: [any, { facilityId: scope.onlyFacilityId }] } : any;
}

/** The same scope as an SQL condition over the patients table aliased `alias`. */
export function patientsInScopeSql(scope: VisibleScope, alias: string): Prisma.Sql {
  return scopeCondition(alias, {
    organizations: Prisma.sql`${scope.organizationIds}::uuid[]`,
    facilities: Prisma.sql`${scope.facilityIds}::uuid[]`,
    patients: Prisma.sql`${scope.patientIds}::uuid[]`,
    onlyFacility: Prisma.sql`${scope.onlyFacilityId}::uuid`,
  });
}

/** The same condition over the row `visibleScopeSql` answers, held in the CTE named `cte` of the same statement. */
export function patientsInScopeCteSql(cte: string, alias: string): Prisma.Sql {
  const column = (name: string) => Prisma.sql`(SELECT ${Prisma.raw(name)} FROM ${Prisma.raw(cte)})::uuid[]`;
  return scopeCondition(alias, {
    organizations: column("organization_ids"),
    facilities: column("facility_ids"),
    patients: column("patient_ids"),
    onlyFacility: Prisma.sql`NULL::uuid`,
  });
}

function scopeCondition(alias: string, s: { organizations: Prisma.Sql; facilities: Prisma.Sql; patients: Prisma.Sql; onlyFacility: Prisma.Sql }) {
  const a = Prisma.raw(alias);
  return Prisma.sql`((${a}.organization_id = ANY(${s.organizations}) OR ${a}.facility_id = ANY(${s.facilities})
    OR ${a}.id = ANY(${s.patients})) AND (${s.onlyFacility} IS NULL OR ${a}.facility_id = ${s.onlyFacility}))`;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A personal API key's scopes, enforced once for every request (lib/api/route.ts calls this): reading (GET,
 * HEAD) needs "read", and every unsafe method (POST, PUT, PATCH, DELETE) needs "write", whatever the route
 * does, so no domain function can forget it (docs/decisions/024-hostile-input-and-key-scopes.md).
 */
export function assertKeyScope(actor: Actor, method: string) {
  if (actor.kind !== "caregiver" || actor.via !== "api_key") return;
  const scope = SAFE_METHODS.has(method.toUpperCase()) ? "read" : "write";
  if (!actor.scopes?.includes(scope)) throw new Forbidden(`This API key lacks the "${scope}" scope.`);
}

export function requireCaregiver(actor: Actor): CaregiverActor {
  if (actor.kind !== "caregiver") throw new Forbidden("Only caregivers can do this.");
  return actor;
}

/** Decide whether `actor` may do `need` to the patient; 404 when the patient is not theirs to see. */
export async function assertPatientAccess(tx: Tx, actor: Actor, patientId: string, need: PatientNeed): Promise<PatientAccess> {
  const notFound = new NotFound("Patient");
  const where = { id: patientId };
  const basics = { organizationId: true, facilityId: true, timezone: true } as const;
  if (actor.kind === "device") {
    if (actor.patientId !== patientId) throw notFound;
    const p = await tx.patient.findUnique({ where, select: basics });
    if (!p) throw notFound;
    if (need !== "read" && need !== "write") throw new Forbidden();
    return { patientId, ...p, standing: null, orgRole: null };
  }
  if (actor.kind === "system") {
    const p = await tx.patient.findUnique({ where, select: basics });
    if (!p) throw notFound;
    return { patientId, ...p, standing: null, orgRole: null };
  }
  const me = actor.caregiverId;
  // one query (once per read request): the patient, my standing on its team and my membership of its organization
  const p = await onceOutsideTransaction(tx, `patient-access:${me}:${patientId}`, () =>
    tx.patient.findUnique({
      where,
      select: {
        ...basics,
        careTeam: { where: { caregiverId: me }, select: { standing: true } },
        organization: { select: { memberships: { where: { caregiverId: me }, select: { role: true, facilityIds: true } } } },
      },
    }),
  );
  if (!p) throw notFound;
  const standing = p.careTeam[0]?.standing ?? null;
  const membership = p.organization.memberships[0] ?? null;
  const isAdmin = administers(membership?.role ?? null, membership?.facilityIds, p.facilityId);
  if (!standing && !isAdmin) throw notFound;
  const allowed =
    need === "read" || isAdmin || (need === "write" && (standing === "primary" || standing === "secondary")) || (need === "manage" && standing === "primary");
  if (!allowed) {
    throw new Forbidden(
      need === "manage" ? "Only a primary caregiver or an organization admin can do this." : "Viewers can read this patient's data but not change it.",
    );
  }
  // an admin of other facilities reaches this patient as a care-team member only
  const orgRole = membership ? (isAdmin ? membership.role : "member") : null;
  return { patientId, organizationId: p.organizationId, facilityId: p.facilityId, timezone: p.timezone, standing, orgRole };
}

/**
 * Find a row that belongs to a patient (an alert, a schedule, a note...) for an actor: the row and the
 * patient's access, or "not found" naming the thing asked for, both for an unknown id and for a patient the
 * actor may not see, so another organization's ids answer exactly like unknown ones. Pass the lookup
 * unawaited, made on the same `tx`: `findForPatient(tx, actor, "write", "Note", tx.caregiverNote.findUnique(...))`.
 */
export async function findForPatient<R extends { patientId: string }>(
  tx: Tx,
  actor: Actor,
  need: PatientNeed,
  what: string,
  lookup: PromiseLike<R | null>,
): Promise<{ row: R; access: PatientAccess }> {
  const row = await lookup;
  if (!row) throw new NotFound(what);
  try {
    return { row, access: await assertPatientAccess(tx, actor, row.patientId, need) };
  } catch (err) {
    throw err instanceof NotFound ? new NotFound(what) : err;
  }
}

export interface OrgMembership {
  role: OrgRoleName;
  /** the facilities an admin administers; null: the whole organization (owners, admins listing no facility) */
  adminOf: string[] | null;
}

/**
 * The caregiver's membership of an organization; 404 when not a member, 403 when the role is not enough.
 * In `roles`, "admin" is an admin over the whole organization and "facility_admin" one over some facilities.
 */
export async function assertOrgMembership(tx: Tx, actor: Actor, organizationId: string, roles: OrgRoleRequirement[]): Promise<OrgMembership> {
  const caregiver = requireCaregiver(actor);
  const m = await tx.membership.findUnique({
    where: { organizationId_caregiverId: { organizationId, caregiverId: caregiver.caregiverId } },
    select: { role: true, facilityIds: true },
  });
  if (!m) throw new NotFound("Organization");
  const facilityAdmin = m.role === "admin" && (m.facilityIds?.length ?? 0) > 0;
  const as: OrgRoleRequirement = facilityAdmin ? "facility_admin" : m.role;
  if (!roles.includes(as)) {
    throw new Forbidden(
      facilityAdmin && roles.includes("admin")
        ? "Only organization owners and admins of the whole organization can do this."
        : "Only organization owners and admins can do this.",
    );
  }
  return { role: m.role, adminOf: m.role === "member" ? [] : facilityAdmin ? m.facilityIds : null };
}

/** The caregiver's role in an organization (see assertOrgMembership: "admin" means over the whole organization). */
export async function assertOrgRole(tx: Tx, actor: Actor, organizationId: string, roles: OrgRoleRequirement[]): Promise<OrgRoleName> {
  return (await assertOrgMembership(tx, actor, organizationId, roles)).role;
}
