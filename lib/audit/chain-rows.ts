import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AuditEvent, Prisma } from "@/lib/db/generated/client";
import { SYSTEM_CHAIN, type ChainRow, type ChainStart, type SealedRow } from "./audit-chain";

/** The rows of one chain: an organization's, or (SYSTEM_CHAIN) those without one. */
export const chainWhere = (chain: string): Prisma.AuditEventWhereInput => ({ organizationId: chain === SYSTEM_CHAIN ? null : chain });

export const chainRow = (e: AuditEvent): ChainRow => ({
  id: e.id,
  organization_id: e.organizationId,
  created_at: e.createdAt.toISOString(),
  actor_type: e.actorType,
  actor_id: e.actorId,
  action: e.action,
  target_type: e.targetType,
  target_id: e.targetId,
  patient_id: e.patientId,
  request_id: e.requestId,
  ip: e.ip,
  metadata: e.metadata ?? {},
});

export const sealedRow = (e: AuditEvent): SealedRow => ({
  ...chainRow(e),
  sequence: Number(e.sequence),
  hash: e.hash ?? "",
  previous_hash: e.previousHash ?? "",
});

/** Where a chain's verification starts: its anchor, if retention has deleted its head. */
export async function chainAnchor(tx: Tx, chain: string): Promise<ChainStart | null> {
  const a = await tx.auditChainAnchor.findUnique({ where: { chainId: chain } });
  return a ? { sequence: Number(a.sequence), hash: a.hash } : null;
}
