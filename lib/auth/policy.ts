import "server-only";
import type { Prisma, Tx } from "@/lib/db/client";
import { Forbidden, NotFound } from "@/lib/api/errors";
import type { Actor, CaregiverActor } from "./actor";

/**
 * The access policy, in one place (SPEC §1 "Who sees a patient"):
 * - a caregiver sees a patient when on its care team, or when owner/admin of the patient's organization;
 *   everyone else gets 404, so ids do not leak;
 * - reading needs any standing; writing care data needs primary or secondary standing (or org owner/admin);
 *   managing (deleting the patient, changing the care team) needs primary standing or org owner/admin;
 * - a patient device reaches only its own patient; the system reaches everything;
 * - a personal API key acts as its caregiver, limited by its scopes (assertKeyScope: "read" to read, "write"
 *   for every unsafe method).
 */
export type PatientNeed = "read" | "write" | "manage";
export type OrgRoleName = "owner" | "admin" | "member";

export interface PatientAccess {
  patientId: string;
  organizationId: string;
  timezone: string;
  standing: "primary" | "secondary" | "viewer" | null;
  orgRole: OrgRoleName | null;
}

const ADMIN_ROLES: OrgRoleName[] = ["owner", "admin"];

/**
 * The patients this caregiver may see, as two index-friendly sets: whole organizations (where they are
 * owner or admin) and single patients (their care teams elsewhere). List queries are built from it, never
 * "load then filter"; an admin's list becomes `organization_id IN (...)`, which the name index serves in order.
 */
export interface VisibleScope {
  organizationIds: string[];
  patientIds: string[];
}

export async function visibleScope(tx: Tx, caregiverId: string): Promise<VisibleScope> {
  // one statement on every list request
  const rows = await tx.$queryRaw<{ organization_ids: string[] | null; patient_ids: string[] | null }[]>`
    WITH admin AS (
      SELECT organization_id FROM memberships WHERE caregiver_id = ${caregiverId}::uuid AND role IN ('owner', 'admin')
    )
    SELECT (SELECT array_agg(organization_id::text) FROM admin) AS organization_ids,
           (SELECT array_agg(t.patient_id::text) FROM care_team_members t JOIN patients p ON p.id = t.patient_id
             WHERE t.caregiver_id = ${caregiverId}::uuid AND p.organization_id NOT IN (SELECT organization_id FROM admin)) AS patient_ids`;
  return { organizationIds: rows[0]?.organization_ids ?? [], patientIds: rows[0]?.patient_ids ?? [] };
}

/** Prisma filter over patients for a visible scope (matches nothing when the scope is empty). */
export function patientsInScope(scope: VisibleScope): Prisma.PatientWhereInput {
  const parts: Prisma.PatientWhereInput[] = [];
  if (scope.organizationIds.length) parts.push({ organizationId: { in: scope.organizationIds } });
  if (scope.patientIds.length) parts.push({ id: { in: scope.patientIds } });
  if (parts.length === 0) return { id: { in: [] } };
  return parts.length === 1 ? parts[0] : { OR: parts };
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
  if (actor.kind === "device") {
    if (actor.patientId !== patientId) throw notFound;
    const p = await tx.patient.findUnique({ where: { id: patientId }, select: { organizationId: true, timezone: true } });
    if (!p) throw notFound;
    if (need !== "read" && need !== "write") throw new Forbidden();
    return { patientId, organizationId: p.organizationId, timezone: p.timezone, standing: null, orgRole: null };
  }
  if (actor.kind === "system") {
    const p = await tx.patient.findUnique({ where: { id: patientId }, select: { organizationId: true, timezone: true } });
    if (!p) throw notFound;
    return { patientId, organizationId: p.organizationId, timezone: p.timezone, standing: null, orgRole: null };
  }
  const me = actor.caregiverId;
  const p = await tx.patient.findUnique({
    where: { id: patientId },
    select: {
      organizationId: true,
      timezone: true,
      careTeam: { where: { caregiverId: me }, select: { standing: true } },
      organization: { select: { memberships: { where: { caregiverId: me }, select: { role: true } } } },
    },
  });
  if (!p) throw notFound;
  const standing = p.careTeam[0]?.standing ?? null;
  const orgRole = p.organization.memberships[0]?.role ?? null;
  const isAdmin = orgRole !== null && ADMIN_ROLES.includes(orgRole);
  if (!standing && !isAdmin) throw notFound;
  const allowed =
    need === "read" || isAdmin || (need === "write" && (standing === "primary" || standing === "secondary")) || (need === "manage" && standing === "primary");
  if (!allowed) {
    throw new Forbidden(
      need === "manage" ? "Only a primary caregiver or an organization admin can do this." : "Viewers can read this patient's data but not change it.",
    );
  }
  return { patientId, organizationId: p.organizationId, timezone: p.timezone, standing, orgRole };
}

/**
 * Access to something that belongs to a patient (an alert, a schedule, a note...): the patient's policy,
 * with "not found" naming the thing asked for, so another organization's ids answer exactly like unknown ones.
 */
export async function assertAccessVia(tx: Tx, actor: Actor, patientId: string, need: PatientNeed, what: string): Promise<PatientAccess> {
  try {
    return await assertPatientAccess(tx, actor, patientId, need);
  } catch (err) {
    throw err instanceof NotFound ? new NotFound(what) : err;
  }
}

/** The caregiver's role in an organization; 404 when not a member, 403 when the role is not enough. */
export async function assertOrgRole(tx: Tx, actor: Actor, organizationId: string, roles: OrgRoleName[]): Promise<OrgRoleName> {
  const caregiver = requireCaregiver(actor);
  const m = await tx.membership.findUnique({
    where: { organizationId_caregiverId: { organizationId, caregiverId: caregiver.caregiverId } },
    select: { role: true },
  });
  if (!m) throw new NotFound("Organization");
  if (!roles.includes(m.role)) throw new Forbidden("Only organization owners and admins can do this.");
  return m.role;
}
