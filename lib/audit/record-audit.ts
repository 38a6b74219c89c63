import "server-only";
import { Prisma, type Tx } from "@/lib/db/client";
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

/** The columns every audit row takes from who acted and the request it came in (its id and address). */
function auditContext(actor: Actor, metadata: Record<string, unknown> = {}) {
  const ctx = requestContext.get();
  const { actorType, actorId } = actorRef(actor);
  return {
    actorType,
    actorId,
    requestId: ctx?.requestId ?? null,
    ip: ctx?.ip ?? null,
    // an API key acts as its caregiver; the key itself is named so its use can be traced and revoked
    metadata: { ...metadata, ...(actor.kind === "caregiver" && actor.apiKeyId ? { api_key_id: actor.apiKeyId } : {}) },
  };
}

/** One row per read or change of patient data by a person (and per security event). Never holds PHI values. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry) {
  const { metadata, ...who } = auditContext(actor, entry.metadata);
  await tx.auditEvent.create({
    data: {
      ...who,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      patientId: entry.patientId ?? null,
      organizationId: entry.organizationId ?? null,
      ...(entry.at ? { createdAt: entry.at } : {}),
      metadata: metadata as object,
    },
  });
}

/**
 * The row `recordAudit` writes, as a data-modifying CTE for a hand-made statement that reads and audits in one
 * round trip (the patient list): `metadata` is SQL over `from`, merged with what the request adds (the API key).
 */
export function auditInsertSql(actor: Actor, entry: Pick<AuditEntry, "action" | "targetType">, metadata: Prisma.Sql, from: Prisma.Sql): Prisma.Sql {
  const { metadata: added, actorType, actorId, requestId, ip } = auditContext(actor);
  return Prisma.sql`INSERT INTO audit_events (id, actor_type, actor_id, action, target_type, request_id, ip, metadata)
    SELECT gen_random_uuid(), ${actorType}::"ActorType", ${actorId}::uuid, ${entry.action}, ${entry.targetType}, ${requestId}, ${ip},
      ${metadata} || ${JSON.stringify(added)}::jsonb
    FROM ${from}`;
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
