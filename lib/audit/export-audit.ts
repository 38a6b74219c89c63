import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import type { AuditEvent } from "@/lib/db/generated/client";
import { ValidationFailed } from "@/lib/api/errors";
import { assertOrgRole } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { pageArgs, toPage, type Page, type SortKey } from "@/lib/api/pagination";
import { csvLine } from "@/lib/api/csv";
import { recordAudit } from "./record-audit";
import { chainRow } from "./chain-rows";
import type { AuditEventOutput, AuditExportQuery } from "./schemas";

/**
 * The audit trail of one organization, for its owners and admins (SPEC §8 "audit trail ... exportable"):
 * JSON pages for tools that read it bit by bit, or one CSV file for a reviewer's spreadsheet. The export is
 * itself an audit row ("audit.exported"). Each row carries its place in the hash chain (sequence, previous
 * hash, hash), so an auditor can recompute the chain from the file alone (`npm run audit:verify -- --file`).
 */
const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;
/** more rows than this in one CSV: the caller is asked to narrow the range */
export const MAX_CSV_ROWS = 100_000;
const CSV_BATCH = 1_000;

export const AUDIT_EXPORT_COLUMNS = [
  "id",
  "created_at",
  "actor_type",
  "actor_id",
  "action",
  "target_type",
  "target_id",
  "patient_id",
  "request_id",
  "ip",
  "metadata",
  "organization_id",
  "sequence",
  "previous_hash",
  "hash",
  "sealed_at",
] as const;

/** The chain's own fields of the row (lib/audit/chain-rows.ts), and where it sits in the chain. */
const present = (e: AuditEvent): AuditEventOutput => ({
  ...chainRow(e),
  actor_type: e.actorType,
  metadata: (e.metadata ?? {}) as Record<string, unknown>,
  sequence: e.sequence === null ? null : Number(e.sequence),
  previous_hash: e.previousHash,
  hash: e.hash,
  sealed_at: e.sealedAt?.toISOString() ?? null,
});

/** [from, to): `to` defaults to now, `from` to 30 days before `to`; at most 366 days. */
export function auditRange(q: Pick<AuditExportQuery, "from" | "to">, now: Date): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime()) throw new ValidationFailed([{ field: "from", message: "from must be before to." }]);
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new ValidationFailed([{ field: "to", message: `The range can be at most ${MAX_RANGE_DAYS} days. Export it in parts.` }]);
  }
  return { from, to };
}

function whereFor(organizationId: string, q: AuditExportQuery, range: { from: Date; to: Date }): Prisma.AuditEventWhereInput {
  return {
    organizationId,
    createdAt: { gte: range.from, lt: range.to },
    ...(q.action ? { action: q.action } : {}),
    ...(q.patient_id ? { patientId: q.patient_id } : {}),
    ...(q.actor_id ? { actorId: q.actor_id } : {}),
  };
}

const KEYS: SortKey[] = [{ field: "createdAt", type: "date" }];

function csvRow(e: AuditEventOutput): string {
  return csvLine(AUDIT_EXPORT_COLUMNS.map((c) => (c === "metadata" ? JSON.stringify(e.metadata) : e[c])));
}

/** The rows in order, read in batches along (created_at, id), so memory stays flat however large the file. */
function csvStream(where: Prisma.AuditEventWhereInput): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(AUDIT_EXPORT_COLUMNS)));
      }
      const rows = await db.auditEvent.findMany(pageArgs(where, KEYS, { order: "asc", cursor, limit: CSV_BATCH }));
      const page = toPage(rows, CSV_BATCH, KEYS, present);
      if (page.items.length) controller.enqueue(encoder.encode(page.items.map(csvRow).join("")));
      cursor = page.next_cursor ?? undefined;
      if (!page.next_cursor) controller.close();
    },
  });
}

const filterMetadata = (q: AuditExportQuery, range: { from: Date; to: Date }) => ({
  format: q.format,
  from: range.from.toISOString(),
  to: range.to.toISOString(),
  filters: Object.keys({ ...(q.action ? { action: 1 } : {}), ...(q.patient_id ? { patient_id: 1 } : {}), ...(q.actor_id ? { actor_id: 1 } : {}) }),
});

/**
 * JSON: one page (newest first by default; `next_cursor` for the next). CSV: every row of the range, oldest
 * first, as a download whose name holds the organization's short id and the dates only.
 */
export async function exportAuditEvents(
  actor: Actor,
  organizationId: string,
  q: AuditExportQuery,
  now: Date,
  opts: { maxCsvRows?: number } = {},
): Promise<Response | Page<AuditEventOutput>> {
  await assertOrgRole(db, actor, organizationId, ["owner", "admin"]);
  const range = auditRange(q, now);
  const where = whereFor(organizationId, q, range);
  const audit = (rows: number) =>
    recordAudit(db, actor, {
      action: "audit.exported",
      targetType: "organization",
      targetId: organizationId,
      organizationId,
      at: now,
      metadata: { ...filterMetadata(q, range), rows },
    });

  if (q.format === "json") {
    const rows = await db.auditEvent.findMany(pageArgs(where, KEYS, q));
    const page = toPage(rows, q.limit, KEYS, present);
    await audit(page.items.length);
    return page;
  }

  const max = opts.maxCsvRows ?? MAX_CSV_ROWS;
  const count = await db.auditEvent.count({ where });
  if (count > max) {
    throw new ValidationFailed(
      [{ field: "from", message: `The range holds ${count} audit events; one CSV file holds at most ${max}. Choose a shorter range or filter it.` }],
      "The export is too large.",
    );
  }
  await audit(count);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const name = `elda-audit-${organizationId.slice(0, 8)}-${day(range.from)}-to-${day(range.to)}.csv`;
  return new Response(csvStream(where), {
    status: 200,
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "x-total-count": String(count) },
  });
}
