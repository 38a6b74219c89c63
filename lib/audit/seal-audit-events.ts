import "server-only";
import { db, pool } from "@/lib/db/client";
import { logger } from "@/lib/observability/logger";
import { GENESIS, rowHash, SYSTEM_CHAIN } from "./audit-chain";
import { chainAnchor, chainRow, chainWhere } from "./chain-rows";

const BATCH = 1_000;
/** batches per chain and run: a backlog larger than this is finished by the next minute's run */
const MAX_BATCHES = 50;

/**
 * The sealing job (every minute, `audit-seal`; decision 023). Audited reads and writes only insert their row
 * (lib/audit/record-audit.ts) and never wait on each other; this job then takes each chain's unsealed rows in
 * (created_at, id) order and links them after the chain's last sealed row: sequence, previous hash, hash,
 * sealed_at, in one UPDATE per batch. A transaction-scoped advisory lock per chain means two sealers (two app
 * instances, a retry) never fork a chain: the second waits, then finds nothing left or continues after the
 * first. Returns the rows sealed per chain.
 */
export async function sealAuditEvents(now: Date, opts: { chains?: string[] } = {}): Promise<Record<string, number>> {
  const chains =
    opts.chains ??
    (
      await pool.query<{ chain: string }>(
        `SELECT DISTINCT COALESCE(organization_id, '${SYSTEM_CHAIN}'::uuid)::text AS chain FROM audit_events WHERE sealed_at IS NULL`,
      )
    ).rows.map((r) => r.chain);
  const sealed: Record<string, number> = {};
  for (const chain of chains) {
    let total = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const n = await sealBatch(chain, now);
      total += n;
      if (n < BATCH) break;
    }
    if (total) sealed[chain] = total;
  }
  if (Object.keys(sealed).length)
    logger.info({ chains: Object.keys(sealed).length, rows: Object.values(sealed).reduce((a, b) => a + b, 0) }, "audit rows sealed");
  return sealed;
}

async function sealBatch(chain: string, now: Date): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, `audit-chain:${chain}`);
      const where = chainWhere(chain);
      const tail = await tx.auditEvent.findFirst({
        where: { ...where, sealedAt: { not: null } },
        orderBy: { sequence: "desc" },
        select: { sequence: true, hash: true },
      });
      let position = tail ? { sequence: Number(tail.sequence), hash: tail.hash! } : ((await chainAnchor(tx, chain)) ?? GENESIS);
      const rows = await tx.auditEvent.findMany({ where: { ...where, sealedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: BATCH });
      if (rows.length === 0) return 0;
      const ids: string[] = [];
      const sequences: string[] = [];
      const hashes: string[] = [];
      const previous: string[] = [];
      for (const r of rows) {
        const sequence = position.sequence + 1;
        const hash = rowHash(chainRow(r), sequence, position.hash);
        ids.push(r.id);
        sequences.push(String(sequence));
        hashes.push(hash);
        previous.push(position.hash);
        position = { sequence, hash };
      }
      await tx.$executeRawUnsafe(
        `UPDATE audit_events a SET sequence = u.sequence, hash = u.hash, previous_hash = u.previous_hash, sealed_at = $5
           FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[]) AS u(id, sequence, hash, previous_hash)
          WHERE a.id = u.id AND a.sealed_at IS NULL`,
        ids,
        sequences,
        hashes,
        previous,
        now,
      );
      return rows.length;
    },
    { timeout: 60_000 },
  );
}
