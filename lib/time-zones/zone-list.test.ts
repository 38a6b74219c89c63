import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { db } from "@/lib/db/client";
import { ACCEPTED_ZONES, ZONE_ALIASES } from "./zone-list";

/**
 * The committed list (scripts/list-time-zones.mjs) against what this Node and this database accept: a
 * tzdata, ICU, PostgreSQL or PGlite upgrade that drops a zone fails here (run the script again). The
 * suite runs on the embedded PGlite and, in CI, on PostgreSQL 15.
 */
describe("the accepted time zones", () => {
  it("are all known to Node (Intl and luxon)", () => {
    const bad = ACCEPTED_ZONES.filter((z) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: z });
        return !DateTime.fromISO("2026-01-15T12:00:00Z", { zone: z }).isValid;
      } catch {
        return true;
      }
    });
    expect(bad).toEqual([]);
  });

  it("are all known to this database, which computes with each of them", async () => {
    const missing = await db.$queryRaw<{ z: string }[]>`
      SELECT z FROM unnest(${[...ACCEPTED_ZONES]}::text[]) z WHERE NOT EXISTS (SELECT 1 FROM pg_timezone_names n WHERE n.name = z)`;
    expect(missing).toEqual([]);
    const rows = await db.$queryRaw<{ n: number }[]>`
      SELECT count(timestamptz '2026-01-15 12:00:00+00' AT TIME ZONE z)::int AS n FROM unnest(${[...ACCEPTED_ZONES]}::text[]) z`;
    expect(rows[0].n).toBe(ACCEPTED_ZONES.length);
  });

  it("include every alias's target, and no alias is itself accepted", () => {
    const accepted = new Set(ACCEPTED_ZONES);
    expect(Object.entries(ZONE_ALIASES).filter(([alias, zone]) => !accepted.has(zone) || accepted.has(alias))).toEqual([]);
    expect(ACCEPTED_ZONES).toContain("UTC");
    expect(ZONE_ALIASES["US/Pacific-New"]).toBe("America/Los_Angeles");
    expect(ZONE_ALIASES["Canada/East-Saskatchewan"]).toBe("America/Regina");
  });
});
