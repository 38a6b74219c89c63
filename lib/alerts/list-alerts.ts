import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { assertPatientAccess, patientsInScope, requireCaregiver, visibleScope } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { pageArgs, toPage, type SortKey } from "@/lib/api/pagination";
import { recordAudit } from "@/lib/audit/record-audit";
import { presentAlert } from "./present-alert";
import type { ListAlertsQuery } from "./schemas";

const patientName = { select: { firstName: true, lastName: true, preferredName: true } } as const;

async function query(where: Prisma.AlertWhereInput, q: Omit<ListAlertsQuery, "patient_id" | "organization_id" | "facility_id">) {
  const filters: Prisma.AlertWhereInput[] = [where];
  if (q.severity) filters.push({ severity: { in: q.severity } });
  if (q.status) filters.push({ status: { in: q.status } });
  if (q.type) filters.push({ type: { in: q.type } });
  if (q.from) filters.push({ createdAt: { gte: new Date(q.from) } });
  if (q.to) filters.push({ createdAt: { lte: new Date(q.to) } });
  const keys: SortKey[] = [{ field: q.sort === "created_at" ? "createdAt" : q.sort === "updated_at" ? "updatedAt" : "lastOccurredAt", type: "date" }];
  const all: Prisma.AlertWhereInput = { AND: filters };
  const [rows, total] = await Promise.all([
    db.alert.findMany({
      ...pageArgs(all, keys, q),
      include: { patient: patientName },
    }),
    db.alert.count({ where: all }),
  ]);
  return toPage(rows, q.limit, keys, presentAlert, total);
}

/** The caregiver's inbox: alerts of every patient they can see. */
export async function listAlerts(actor: Actor, q: ListAlertsQuery) {
  const me = requireCaregiver(actor);
  const scope = await visibleScope(db, me.caregiverId, { organizationId: q.organization_id, facilityId: q.facility_id });
  const where: Prisma.AlertWhereInput = { AND: [{ patient: patientsInScope(scope) }, ...(q.patient_id ? [{ patientId: q.patient_id }] : [])] };
  const page = await query(where, q);
  await recordAudit(db, actor, {
    action: "alert.listed",
    targetType: "alert",
    metadata: { count: page.items.length, patient_ids: [...new Set(page.items.map((a) => a.patient_id))] },
  });
  return page;
}

export async function listPatientAlerts(actor: Actor, patientId: string, q: Omit<ListAlertsQuery, "patient_id" | "organization_id" | "facility_id">) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const page = await query({ patientId }, q);
  await recordAudit(db, actor, {
    action: "alert.listed",
    targetType: "alert",
    patientId,
    organizationId: access.organizationId,
    metadata: { count: page.items.length },
  });
  return page;
}
