import "server-only";
import { db } from "@/lib/db/client";

/**
 * Every active patient's id: the rows a patient sweep's batch can cover, read only when a batch failed and
 * has to be split (lib/jobs/isolate-failures.ts). A superset is fine: a split half with nobody due runs empty.
 */
export async function activePatientIds(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM patients WHERE is_active ORDER BY id`;
  return rows.map((r) => r.id);
}
