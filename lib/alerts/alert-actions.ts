import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { Conflict, Forbidden, NotFound } from "@/lib/api/errors";
import { findForPatient, requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { emit } from "@/lib/jobs/emit";
import { getAlert } from "./get-alert";

type Via = "dashboard" | "api" | "sms" | "voice";
const viaOf = (actor: Actor): Via => (actor.kind === "caregiver" && actor.via === "session" ? "dashboard" : "api");

async function alertFor(tx: Tx, actor: Actor, id: string) {
  const { row: a, access } = await findForPatient(
    tx,
    actor,
    "write",
    "Alert",
    tx.alert.findUnique({ where: { id }, select: { id: true, patientId: true, status: true } }),
  );
  return { a, access };
}

/**
 * "I have it": open -> acknowledged (by whom, when, how); escalation stops. Acknowledging twice is
 * harmless; a resolved alert cannot be acknowledged.
 */
export async function acknowledgeAlertIn(tx: Tx, alertId: string, caregiverId: string, via: Via, note: string | undefined, now: Date) {
  const done = await tx.alert.updateMany({
    where: { id: alertId, status: "open" },
    data: { status: "acknowledged", acknowledgedAt: now, acknowledgedById: caregiverId, acknowledgedVia: via, nextEscalationAt: null },
  });
  if (done.count === 0) return false;
  await tx.alert.updateMany({ where: { id: alertId, escalationState: "active" }, data: { escalationState: "acknowledged" } });
  await tx.alertEvent.create({
    data: { alertId, kind: "acknowledged", actorType: "caregiver", actorId: caregiverId, note: note ?? null, data: { via }, createdAt: now },
  });
  return true;
}

export async function acknowledgeAlert(actor: Actor, id: string, note: string | undefined, now: Date) {
  const me = requireCaregiver(actor);
  const changed = await db.$transaction(async (tx) => {
    const { a, access } = await alertFor(tx, actor, id);
    if (a.status === "resolved" || a.status === "auto_resolved") throw new Conflict("This alert is already resolved.", "alert_resolved");
    const changed = await acknowledgeAlertIn(tx, id, me.caregiverId, viaOf(actor), note, now);
    if (changed)
      await recordAudit(tx, actor, {
        action: "alert.acknowledged",
        targetType: "alert",
        targetId: id,
        patientId: a.patientId,
        organizationId: access.organizationId,
      });
    return changed;
  });
  if (changed) await emit({ name: "alert/acknowledged", id: `alert-acknowledged-${id}`, ts: now.getTime(), data: { alert_id: id } });
  return getAlert(actor, id);
}

/** open or acknowledged -> resolved, with a note; frees the dedup key so a new problem opens a new alert. */
export async function resolveAlert(actor: Actor, id: string, note: string, now: Date) {
  const me = requireCaregiver(actor);
  await db.$transaction(async (tx) => {
    const { a, access } = await alertFor(tx, actor, id);
    const done = await tx.alert.updateMany({
      where: { id, status: { in: ["open", "acknowledged"] } },
      data: {
        status: "resolved",
        openKey: null,
        resolvedAt: now,
        resolvedById: me.caregiverId,
        resolutionNote: note,
        nextEscalationAt: null,
        ...(a.status === "open" ? { acknowledgedAt: now, acknowledgedById: me.caregiverId, acknowledgedVia: viaOf(actor) } : {}),
      },
    });
    if (done.count === 0) throw new Conflict("This alert is already resolved.", "alert_resolved");
    await tx.alert.updateMany({ where: { id, escalationState: "active" }, data: { escalationState: "acknowledged" } });
    await tx.alertEvent.create({ data: { alertId: id, kind: "resolved", actorType: "caregiver", actorId: me.caregiverId, note, createdAt: now } });
    await recordAudit(tx, actor, {
      action: "alert.resolved",
      targetType: "alert",
      targetId: id,
      patientId: a.patientId,
      organizationId: access.organizationId,
    });
  });
  return getAlert(actor, id);
}

export async function addAlertNote(actor: Actor, id: string, note: string, now: Date) {
  const me = requireCaregiver(actor);
  await db.$transaction(async (tx) => {
    const { a, access } = await alertFor(tx, actor, id);
    await tx.alertEvent.create({ data: { alertId: id, kind: "note", actorType: "caregiver", actorId: me.caregiverId, note, createdAt: now } });
    await recordAudit(tx, actor, {
      action: "alert.note_added",
      targetType: "alert",
      targetId: id,
      patientId: a.patientId,
      organizationId: access.organizationId,
    });
  });
  return getAlert(actor, id);
}

/**
 * Acknowledge many at once, each on its own: ids the caregiver cannot see are reported as not found, like any
 * other; alerts of patients they may only view are reported as forbidden, and the rest still go through.
 */
export async function bulkAcknowledge(actor: Actor, ids: string[], now: Date) {
  const acknowledged: string[] = [];
  const unchanged: string[] = [];
  const notFound: string[] = [];
  const forbidden: string[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      const before = await db.alert.findUnique({ where: { id }, select: { status: true } });
      if (before?.status === "open") {
        await acknowledgeAlert(actor, id, undefined, now);
        acknowledged.push(id);
      } else {
        await alertFor(db, actor, id);
        unchanged.push(id);
      }
    } catch (err) {
      if (err instanceof NotFound) notFound.push(id);
      else if (err instanceof Forbidden) forbidden.push(id);
      else if (err instanceof Conflict) unchanged.push(id);
      else throw err;
    }
  }
  return { acknowledged, unchanged, not_found: notFound, forbidden };
}
