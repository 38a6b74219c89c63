import { createHash } from "node:crypto";

/**
 * The audit trail's hash chain (SPEC §8 "audit trail", decision 023): pure functions, so the sealing job, the
 * verify endpoint, `npm run audit:verify` and an auditor's own program compute the same thing.
 *
 * Each organization's audit rows form one chain (rows without an organization form one more, named by the
 * nil uuid). Row n's hash is
 *
 *   hash_n = hex(SHA-256(UTF-8(canonical_n)))
 *   canonical_n = JSON array, no spaces: [sequence, previous_hash, id, organization_id, created_at, actor_type,
 *                 actor_id, action, target_type, target_id, patient_id, request_id, ip, metadata]
 *
 * with `sequence` a number (1, 2, ...), `previous_hash` the previous row's hash (64 zeros before the first
 * row), `created_at` as ISO 8601 in UTC with milliseconds (`2026-12-01T09:30:00.123Z`), absent values as
 * `null`, and `metadata` as canonical JSON: object keys sorted (by UTF-16 code units, as JavaScript's sort),
 * arrays in order, strings and numbers as JSON.stringify writes them. The exports carry every field, so the
 * chain can be recomputed from a file alone.
 */
export const GENESIS_HASH = "0".repeat(64);
/** the chain of audit rows without an organization (sign-in failures, registrations...) */
export const SYSTEM_CHAIN = "00000000-0000-0000-0000-000000000000";

export interface ChainRow {
  id: string;
  organization_id: string | null;
  created_at: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  patient_id: string | null;
  request_id: string | null;
  ip: string | null;
  metadata: unknown;
}

export interface SealedRow extends ChainRow {
  sequence: number;
  hash: string;
  previous_hash: string;
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function canonicalContent(row: ChainRow, sequence: number, previousHash: string): string {
  return canonicalJson([
    sequence,
    previousHash,
    row.id,
    row.organization_id,
    row.created_at,
    row.actor_type,
    row.actor_id,
    row.action,
    row.target_type,
    row.target_id,
    row.patient_id,
    row.request_id,
    row.ip,
    row.metadata ?? {},
  ]);
}

export function rowHash(row: ChainRow, sequence: number, previousHash: string): string {
  return createHash("sha256")
    .update(canonicalContent(row, sequence, previousHash), "utf8")
    .digest("hex");
}

/** Where verification of a chain begins: its anchor (retention deleted the rows before it) or the genesis. */
export interface ChainStart {
  sequence: number;
  hash: string;
}
export const GENESIS: ChainStart = { sequence: 0, hash: GENESIS_HASH };

export type BrokenReason = "content_changed" | "previous_hash_mismatch" | "missing_rows" | "out_of_order";
export interface BrokenLink {
  id: string;
  sequence: number;
  reason: BrokenReason;
  /** the sequence the chain expected here */
  expected_sequence: number;
}

/**
 * Walks sealed rows in sequence order from `start`, and returns the first broken link, or null. Feed it
 * rows in batches: it carries its position (`next`) from one call to the next.
 */
export class ChainWalker {
  private expectedSequence: number;
  private previousHash: string;
  checked = 0;
  broken: BrokenLink | null = null;
  last: ChainStart;

  constructor(start: ChainStart) {
    this.expectedSequence = start.sequence + 1;
    this.previousHash = start.hash;
    this.last = start;
  }

  /** false once a broken link is found (stop reading) */
  feed(rows: SealedRow[]): boolean {
    for (const r of rows) {
      if (this.broken) return false;
      const at = (reason: BrokenReason) => (this.broken = { id: r.id, sequence: r.sequence, reason, expected_sequence: this.expectedSequence });
      if (r.sequence > this.expectedSequence) at("missing_rows");
      else if (r.sequence < this.expectedSequence) at("out_of_order");
      else if (r.previous_hash !== this.previousHash) at("previous_hash_mismatch");
      else if (rowHash(r, r.sequence, r.previous_hash) !== r.hash) at("content_changed");
      if (this.broken) return false;
      this.checked++;
      this.expectedSequence = r.sequence + 1;
      this.previousHash = r.hash;
      this.last = { sequence: r.sequence, hash: r.hash };
    }
    return true;
  }
}
