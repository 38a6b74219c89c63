import "server-only";
import type { Tx } from "@/lib/db/client";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { requestContext } from "@/lib/observability/request-context";

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  patientId?: string | null;
  organizationId?: string | null;
  metadata?: Record<string, unknown>;
  /** when; the database's clock by default */
  at?: Date;
}

/** One row per read or change of patient data by a person (and per security event). Never holds PHI values. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry) {
  const ctx = requestContext.get();
  const { actorType, actorId } = actorRef(actor);
  await tx.auditEvent.create({
    data: {
      actorType,
      actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      patientId: entry.patientId ?? null,
      organizationId: entry.organizationId ?? null,
      ...(entry.at ? { createdAt: entry.at } : {}),
      requestId: ctx?.requestId ?? null,
      ip: ctx?.ip ?? null,
      // an API key acts as its caregiver; the key itself is named so its use can be traced and revoked
      metadata: { ...(entry.metadata ?? {}), ...(actor.kind === "caregiver" && actor.apiKeyId ? { api_key_id: actor.apiKeyId } : {}) } as object,
    },
  });
}

/**
 * For views that refresh themselves (the home page polls every few seconds): record the read once, and
 * again only when what was seen changes, or `withinMs` has passed, or it comes through another session, API
 * key or address (each of those is on record in its own right). The access is still on record; the log is
 * not flooded with identical rows while a tab stays open.
 */
export async function recordAuditOnce(tx: Tx, actor: Actor, entry: AuditEntry, withinMs: number, now: Date) {
  const ctx = requestContext.get();
  const { actorType, actorId } = actorRef(actor);
  const via = actor.kind === "caregiver" ? { session_id: actor.sessionId ?? null, api_key_id: actor.apiKeyId ?? null } : {};
  const metadata = { ...(entry.metadata ?? {}), ...via };
  const recent = await tx.auditEvent.findFirst({
    where: {
      actorType,
      actorId,
      action: entry.action,
      ip: ctx?.ip ?? null,
      createdAt: { gte: new Date(now.getTime() - withinMs) },
      metadata: { equals: metadata as object },
    },
    select: { id: true },
  });
  if (!recent) await recordAudit(tx, actor, { ...entry, metadata, at: now });
}
