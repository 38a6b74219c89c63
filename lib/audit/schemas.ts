import { z } from "zod";
import { pageQuery } from "@/lib/api/pagination";
import { isoDateTime, text, uuid } from "@/lib/validation/common";

/** GET /api/v1/organizations/{id}/audit-events: JSON pages, or the whole range as one CSV file. */
export const auditExportQuery = z.strictObject({
  ...pageQuery,
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  format: z.enum(["json", "csv"]).default("json"),
  action: text().trim().min(1).max(100).optional(),
  patient_id: uuid.optional(),
  actor_id: uuid.optional(),
});
export type AuditExportQuery = z.infer<typeof auditExportQuery>;

export const auditEventOutput = z.object({
  id: z.uuid(),
  organization_id: z.uuid().nullable(),
  created_at: z.string(),
  actor_type: z.enum(["caregiver", "api_key", "device", "system"]),
  actor_id: z.string().nullable(),
  action: z.string(),
  target_type: z.string(),
  target_id: z.string().nullable(),
  patient_id: z.string().nullable(),
  request_id: z.string().nullable(),
  ip: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  /** the row's place in the organization's hash chain (lib/audit/audit-chain.ts); null until the sealing job reaches it */
  sequence: z.number().int().nullable(),
  previous_hash: z.string().nullable(),
  hash: z.string().nullable(),
  sealed_at: z.string().nullable(),
});
export type AuditEventOutput = z.infer<typeof auditEventOutput>;

/** GET /api/v1/organizations/{id}/audit-events/verify: one walk of the organization's hash chain. */
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
