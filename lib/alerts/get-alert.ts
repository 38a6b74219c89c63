import "server-only";
import { db } from "@/lib/db/client";
import { assertPatientAccess } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { NotFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { presentAlert } from "./present-alert";

export async function getAlert(actor: Actor, alertId: string) {
  const a = await db.alert.findUnique({
    where: { id: alertId },
    include: { patient: { select: { firstName: true, lastName: true, preferredName: true } }, events: { orderBy: { createdAt: "asc" } } },
  });
  if (!a) throw new NotFound("Alert");
  // 404, not 403, for alerts of patients the actor cannot see
  const access = await assertPatientAccess(db, actor, a.patientId, "read").catch((err) => {
    throw err instanceof NotFound ? new NotFound("Alert") : err;
  });
  await recordAudit(db, actor, { action: "alert.read", targetType: "alert", targetId: a.id, patientId: a.patientId, organizationId: access.organizationId });
  return {
    ...presentAlert(a),
    timeline: a.events.map((e) => ({ kind: e.kind, actor_type: e.actorType, actor_id: e.actorId, note: e.note, data: e.data, at: e.createdAt.toISOString() })),
  };
}
