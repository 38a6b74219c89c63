import "server-only";
import { db } from "@/lib/db/client";
import { assertOrgRole } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "./record-audit";
import type { AuditChainReport } from "./schemas";
import { ChainWalker, GENESIS } from "./audit-chain";
import { chainAnchor, chainWhere, sealedRow } from "./chain-rows";

const BATCH = 5_000;

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
