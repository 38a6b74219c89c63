import "server-only";
import { db } from "@/lib/db/client";
import { assertPatientAccess, requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordSignOfLife } from "./sign-of-life";
import type { SpokeWithInput } from "./schemas";

/**
 * "I spoke to her": a caregiver records that they spoke to the patient (by phone or in person). It is a sign
 * of life like any other (SPEC §5): the patient's last activity moves to now, and an open inactivity episode is
 * resolved by that caregiver with a note naming them. Kept as an activity row (no device) and audited. Write
 * access: viewers may read but not record.
 */
export async function recordCaregiverContact(actor: Actor, patientId: string, input: SpokeWithInput, now: Date) {
  const me = requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "write");
    const [by, p] = await Promise.all([
      tx.caregiver.findUniqueOrThrow({ where: { id: me.caregiverId }, select: { firstName: true, lastName: true } }),
      tx.patient.findUniqueOrThrow({ where: { id: patientId }, select: { firstName: true, preferredName: true } }),
    ]);
    const name = `${by.firstName} ${by.lastName}`;
    const note = input.note?.trim() || null;
    const row = await tx.activityLog.create({
      data: { patientId, activityType: "caregiver_contact", details: { caregiver_id: me.caregiverId, ...(note ? { note } : {}) }, occurredAt: now },
    });
    const resolution = `${name} spoke to ${p.preferredName || p.firstName} at ${now.toISOString()}${note ? `: “${note}”` : "."}`;
    const ended = await recordSignOfLife(tx, patientId, now, "caregiver_contact", { caregiverId: me.caregiverId, note: resolution });
    await recordAudit(tx, actor, {
      action: "patient.contact_recorded",
      targetType: "patient",
      targetId: patientId,
      patientId,
      organizationId: access.organizationId,
      metadata: { activity_id: row.id, ended_alerts: ended.length },
      at: now,
    });
    return { id: row.id, patient_id: patientId, caregiver: { id: me.caregiverId, name }, note, at: now.toISOString(), ended_alert_ids: ended };
  });
}
