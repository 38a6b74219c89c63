import "server-only";
import { db } from "@/lib/db/client";
import { findForPatient } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { presentAlert } from "./present-alert";

export async function getAlert(actor: Actor, alertId: string) {
  // 404, not 403, for alerts of patients the actor cannot see
  const { row: a, access } = await findForPatient(
    db,
    actor,
    "read",
    "Alert",
    db.alert.findUnique({
      where: { id: alertId },
      include: {
        patient: { select: { firstName: true, lastName: true, preferredName: true } },
        events: { orderBy: { createdAt: "asc" } },
        notificationAttempts: { orderBy: { createdAt: "asc" }, include: { caregiver: { select: { firstName: true, lastName: true } } } },
      },
    }),
  );
  await recordAudit(db, actor, { action: "alert.read", targetType: "alert", targetId: a.id, patientId: a.patientId, organizationId: access.organizationId });
  return {
    ...presentAlert(a),
    timeline: a.events.map((e) => ({ kind: e.kind, actor_type: e.actorType, actor_id: e.actorId, note: e.note, data: e.data, at: e.createdAt.toISOString() })),
    // the delivery log: who was contacted, how, when, and what happened
    deliveries: a.notificationAttempts.map((n) => ({
      caregiver_id: n.caregiverId,
      caregiver_name: n.caregiver ? `${n.caregiver.firstName} ${n.caregiver.lastName}` : null,
      channel: n.channel,
      purpose: n.purpose,
      status: n.status,
      error: n.error,
      provider_id: n.providerId,
      at: n.createdAt.toISOString(),
      held_until: n.heldUntil?.toISOString() ?? null,
      tries: n.attemptCount,
      next_try_at: n.status === "pending" ? (n.nextAttemptAt?.toISOString() ?? null) : null,
    })),
  };
}
