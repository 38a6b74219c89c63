import "server-only";
import { db } from "@/lib/db/client";
import { sqlState } from "@/lib/jobs/describe-failure";
import { logger } from "@/lib/observability/logger";
import { usableZone } from "./check-zone";

/**
 * Reads that compute in each patient's zone inside one statement (the overview, analytics across patients)
 * must not fail for everyone because one stored zone is unknown to PostgreSQL (a value another system
 * wrote, a zone a newer tzdata dropped). The common path runs as is; when PostgreSQL refuses a zone
 * (SQLSTATE 22023), the zones in scope that it does not know are looked up and the read runs once more with
 * each replaced by its canonical name, or UTC (lib/time-zones/check-zone.ts `usableZone`).
 */
export interface ZoneReplacements {
  /** stored zones PostgreSQL does not know */
  from: string[];
  /** what to compute with instead, position by position */
  to: string[];
}

export const NO_REPLACEMENTS: ZoneReplacements = { from: [], to: [] };

export async function withZoneFallback<T>(where: string, run: (replace: ZoneReplacements) => Promise<T>, zonesInScope: () => Promise<string[]>): Promise<T> {
  try {
    return await run(NO_REPLACEMENTS);
  } catch (err) {
    if (sqlState(err) !== "22023") throw err;
    const unknown = await unknownToDatabase(await zonesInScope());
    if (unknown.length === 0) throw err;
    logger.warn({ where, zones: unknown.length }, "stored time zones PostgreSQL does not know; computed with their canonical zone or UTC");
    return run({ from: unknown, to: unknown.map(usableZone) });
  }
}

/** The zones of this list that PostgreSQL cannot use. */
async function unknownToDatabase(zones: string[]): Promise<string[]> {
  if (zones.length === 0) return [];
  const rows = await db.$queryRaw<{ zone: string }[]>`
    SELECT z AS zone FROM unnest(${zones}::text[]) z WHERE NOT EXISTS (SELECT 1 FROM pg_timezone_names n WHERE n.name = z)`;
  return rows.map((r) => r.zone);
}
