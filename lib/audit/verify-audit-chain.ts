import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { assertOrgRole } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "./record-audit";
import { ChainWalker, GENESIS } from "./audit-chain";
import { chainAnchor, chainWhere, sealedRow } from "./chain-rows";

const BATCH = 5_000;

const link = z.object({ sequence: z.number().int(), hash: z.string() });
export const auditChainReport = z.object({
  /** the organization, or the nil uuid for the chain of rows without one */
  chain: z.uuid(),
  /** true when every sealed row links to the one before it and its content matches its hash */
  ok: z.boolean(),
  /** sealed rows in the chain now */
  sealed: z.number().int(),
  /** sealed rows checked before the first broken link (all of them when ok) */
  verified: z.number().int(),
  /** rows written but not yet sealed (the sealing job runs every minute): not covered by this check */
  unsealed: z.number().int(),
  /** where the chain starts after retention deleted its head (null: from the first row ever written) */
  anchor: link.nullable(),
  /** the last row verified: keep its hash elsewhere to detect a later truncation of the tail */
  last: link.nullable(),
  first_broken: z
    .object({
      id: z.uuid(),
      sequence: z.number().int(),
      reason: z.enum(["content_changed", "previous_hash_mismatch", "missing_rows", "out_of_order"]),
      expected_sequence: z.number().int(),
    })
    .nullable(),
  checked_at: z.string(),
});
export type AuditChainReport = z.infer<typeof auditChainReport>;

/**
 * Verify one chain from its anchor (or the first row) to its last sealed row, in sequence order, in batches:
 * the first broken link names the row where the chain stops holding (a changed row, a deleted one, rows
 * swapped). Shared by the API and `npm run audit:verify`.
 */
export async function verifyAuditChain(chain: string, now: Date): Promise<AuditChainReport> {
  const where = chainWhere(chain);
  const anchor = await chainAnchor(db, chain);
  const walker = new ChainWalker(anchor ?? GENESIS);
  let after = -1n;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { ...where, sealedAt: { not: null }, sequence: { gt: after } },
      orderBy: { sequence: "asc" },
      take: BATCH,
    });
    if (rows.length === 0 || !walker.feed(rows.map(sealedRow))) break;
    after = rows.at(-1)!.sequence!;
    if (rows.length < BATCH) break;
  }
  const [sealed, unsealed] = await Promise.all([
    db.auditEvent.count({ where: { ...where, sealedAt: { not: null } } }),
    db.auditEvent.count({ where: { ...where, sealedAt: null } }),
  ]);
  return {
    chain,
    ok: !walker.broken,
    sealed,
    verified: walker.checked,
    unsealed,
    anchor,
    last: walker.checked > 0 ? walker.last : null,
    first_broken: walker.broken,
    checked_at: now.toISOString(),
  };
}

/** GET /api/v1/organizations/{id}/audit-events/verify: owners and admins; the check is itself an audit row. */
export async function verifyOrganizationAuditChain(actor: Actor, organizationId: string, now: Date): Promise<AuditChainReport> {
  await assertOrgRole(db, actor, organizationId, ["owner", "admin"]);
  const report = await verifyAuditChain(organizationId, now);
  await recordAudit(db, actor, {
    action: "audit.verified",
    targetType: "organization",
    targetId: organizationId,
    organizationId,
    at: now,
    metadata: { ok: report.ok, verified: report.verified, unsealed: report.unsealed, first_broken_id: report.first_broken?.id ?? null },
  });
  return report;
}
