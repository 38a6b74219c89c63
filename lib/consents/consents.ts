import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import type { Consent } from "@/lib/db/generated/client";
import type { ConsentKind } from "@/lib/db/generated/enums";
import { Conflict } from "@/lib/api/errors";
import { assertPatientAccess, findForPatient, requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { consentsInForce, NOT_RECORDED_MEANS } from "./consent-in-force";
import { CONSENT_KINDS, type consentGivenBy, type ConsentOutput, type consentStatus, type RecordConsentInput } from "./schemas";

/**
 * Consent records (SPEC §8): what the patient (or someone on their behalf) agreed to or refused, kind by
 * kind. Records are never edited: a new record of a kind supersedes the earlier ones, and a record can be
 * revoked once. The current state of a kind is its latest record.
 */

const present = (c: Consent, superseded: boolean): ConsentOutput => ({
  id: c.id,
  patient_id: c.patientId,
  kind: c.kind,
  granted: c.granted,
  given_by: c.givenBy as z.infer<typeof consentGivenBy>,
  note: c.note,
  recorded_by_id: c.recordedById,
  recorded_at: c.recordedAt.toISOString(),
  revoked_at: c.revokedAt?.toISOString() ?? null,
  superseded,
});

const NEWEST_FIRST = [{ recordedAt: "desc" as const }, { id: "desc" as const }];

async function latestOfKind(tx: Tx, patientId: string, kind: ConsentKind) {
  return tx.consent.findFirst({ where: { patientId, kind }, orderBy: NEWEST_FIRST, select: { id: true, recordedAt: true } });
}

export async function listConsents(actor: Actor, patientId: string) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const rows = await db.consent.findMany({ where: { patientId }, orderBy: NEWEST_FIRST });
  const latest = new Map<ConsentKind, Consent>();
  for (const r of rows) if (!latest.has(r.kind)) latest.set(r.kind, r);
  const inForce = await consentsInForce(db, patientId);
  const history = rows.map((r) => present(r, latest.get(r.kind)?.id !== r.id));
  const current = CONSENT_KINDS.map((kind) => {
    const c = latest.get(kind);
    const status: z.infer<typeof consentStatus> = !c ? "not_recorded" : c.revokedAt ? "revoked" : c.granted ? "granted" : "refused";
    return { kind, status, in_force: inForce[kind], not_recorded_means: NOT_RECORDED_MEANS[kind], consent: c ? present(c, false) : null };
  });
  await recordAudit(db, actor, {
    action: "consent.listed",
    targetType: "patient",
    targetId: patientId,
    patientId,
    organizationId: access.organizationId,
    metadata: { count: rows.length },
  });
  return { patient_id: patientId, current, history };
}

export async function recordConsent(actor: Actor, patientId: string, input: RecordConsentInput, now: Date) {
  const me = requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "write");
    const previous = await latestOfKind(tx, patientId, input.kind);
    // a new record must sort after the one it supersedes, even when both land in the same millisecond
    const recordedAt = previous && previous.recordedAt.getTime() >= now.getTime() ? new Date(previous.recordedAt.getTime() + 1) : now;
    const c = await tx.consent.create({
      data: {
        patientId,
        kind: input.kind,
        granted: input.granted,
        givenBy: input.given_by,
        note: input.note ?? null,
        recordedById: me.caregiverId,
        recordedAt,
      },
    });
    await recordAudit(tx, actor, {
      action: "consent.recorded",
      targetType: "consent",
      targetId: c.id,
      patientId,
      organizationId: access.organizationId,
      metadata: { kind: c.kind, granted: c.granted, given_by: c.givenBy, supersedes: previous?.id ?? null },
    });
    return present(c, false);
  });
}

export async function revokeConsent(actor: Actor, id: string, now: Date) {
  return db.$transaction(async (tx) => {
    const { row: c, access } = await findForPatient(tx, actor, "write", "Consent", tx.consent.findUnique({ where: { id } }));
    if (c.revokedAt) throw new Conflict("This consent was already revoked.", "already_revoked");
    const latest = await latestOfKind(tx, c.patientId, c.kind);
    if (latest && latest.id !== c.id)
      throw new Conflict("A later record of this kind replaced this one. Revoke or replace the current record instead.", "superseded");
    // only the first revocation counts, even when two arrive at once
    const { count } = await tx.consent.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new Conflict("This consent was already revoked.", "already_revoked");
    await recordAudit(tx, actor, {
      action: "consent.revoked",
      targetType: "consent",
      targetId: id,
      patientId: c.patientId,
      organizationId: access.organizationId,
      metadata: { kind: c.kind },
    });
    return present({ ...c, revokedAt: now }, false);
  });
}
