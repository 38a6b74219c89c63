import "server-only";
import type { Tx } from "@/lib/db/client";
import type { ConsentKind } from "@/lib/db/generated/enums";

/**
 * Whether a kind of consent is in force for a patient (SPEC §8, docs/decisions/023-consent-retention-audit-chain.md).
 * This file is the one place the rule lives; every check (the companion, summaries, the SMS guard, the
 * anonymized export, the consents API) asks it, in SQL so set-based queries can use it as a condition:
 *
 * - the latest record of the kind (recorded_at, then id) supersedes every earlier one;
 * - a granted record that was revoked counts as refused;
 * - with no record at all, the kind's default applies: `ai_companion`, `caregiver_sharing` and
 *   `data_processing` count as given (the family set Elda up for this; processing is the service itself),
 *   `sms_contact` and `analytics_anonymized` as refused (texting a person's own phone, and using their data
 *   outside their care, need a yes).
 */
export const NOT_RECORDED_MEANS = {
  data_processing: "given",
  ai_companion: "given",
  caregiver_sharing: "given",
  sms_contact: "refused",
  analytics_anonymized: "refused",
} as const satisfies Record<ConsentKind, "given" | "refused">;

const KINDS = new Set(Object.keys(NOT_RECORDED_MEANS));

/**
 * A SQL boolean expression: is `kind` in force for the patient whose id is the SQL expression `patientId`
 * (a column such as `p.id`, or a parameter such as `$1::uuid`). Only known kinds are accepted, so the text is
 * never built from input.
 */
export function consentInForceSql(kind: ConsentKind, patientId: string): string {
  if (!KINDS.has(kind)) throw new Error(`Unknown consent kind ${kind}`);
  const fallback = NOT_RECORDED_MEANS[kind] === "given" ? "true" : "false";
  return `COALESCE((SELECT c.granted AND c.revoked_at IS NULL FROM consents c WHERE c.patient_id = ${patientId} AND c.kind = '${kind}'
    ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1), ${fallback})`;
}

/** Is `kind` in force for this patient now? */
export async function consentInForce(tx: Tx, patientId: string, kind: ConsentKind): Promise<boolean> {
  const [row] = await tx.$queryRawUnsafe<{ in_force: boolean }[]>(`SELECT ${consentInForceSql(kind, "$1::uuid")} AS in_force`, patientId);
  return row.in_force;
}

/** Every kind at once, for one patient (the consents API). */
export async function consentsInForce(tx: Tx, patientId: string): Promise<Record<ConsentKind, boolean>> {
  const kinds = Object.keys(NOT_RECORDED_MEANS) as ConsentKind[];
  const [row] = await tx.$queryRawUnsafe<Record<ConsentKind, boolean>[]>(
    `SELECT ${kinds.map((k) => `${consentInForceSql(k, "$1::uuid")} AS "${k}"`).join(", ")}`,
    patientId,
  );
  return row;
}
