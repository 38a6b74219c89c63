import { readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";

/**
 * The repair part of migration 20261130020000 run again, inside a transaction that is rolled back, on rows
 * written the way another system could have written them (on PGlite by default, PostgreSQL 15 in CI).
 */
const MIGRATION = path.resolve(import.meta.dirname, "../../prisma/migrations/20261130020000_job_quarantine_and_time_zone_repair/migration.sql");
const repairSql = () => {
  const sql = readFileSync(MIGRATION, "utf8");
  const at = sql.indexOf("-- RepairTimeZones");
  expect(at).toBeGreaterThan(0);
  return sql.slice(at);
};

describe("the time-zone repair migration", () => {
  it("maps old names to their canonical zone, fixes case, sends the unusable to UTC, and audits each change", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL! });
    await client.connect();
    try {
      await client.query("BEGIN");
      const org = randomUUID();
      await client.query(`INSERT INTO organizations (id, name, updated_at) VALUES ($1, 'Repair test', now())`, [org]);
      const stored = [
        "US/Pacific-New",
        "Canada/East-Saskatchewan",
        "Asia/Calcutta",
        "america/chicago",
        "US/Eastern",
        "Mars/Olympus",
        "",
        "Europe/Madrid",
        "UTC",
      ];
      const ids: string[] = [];
      for (const zone of stored) {
        const id = randomUUID();
        ids.push(id);
        await client.query(
          `INSERT INTO patients (id, organization_id, first_name, last_name, date_of_birth, timezone, updated_at) VALUES ($1, $2, 'Zed', 'Zone', '1940-01-01', $3, now())`,
          [id, org, zone],
        );
      }
      const caregiver = randomUUID();
      await client.query(
        `INSERT INTO caregivers (id, email, password_hash, first_name, last_name, timezone, updated_at) VALUES ($1, $2, 'x', 'Cy', 'Zone', 'US/Pacific-New', now())`,
        [caregiver, `${caregiver}@example.test`],
      );

      await client.query(repairSql());

      const { rows } = await client.query<{ id: string; timezone: string }>(`SELECT id, timezone FROM patients WHERE organization_id = $1`, [org]);
      const zoneOf = new Map(rows.map((r) => [r.id, r.timezone]));
      expect(ids.map((id) => zoneOf.get(id))).toEqual([
        "America/Los_Angeles",
        "America/Regina",
        "Asia/Kolkata",
        "America/Chicago",
        "America/New_York",
        "UTC",
        "UTC",
        "Europe/Madrid",
        "UTC",
      ]);
      expect((await client.query(`SELECT timezone FROM caregivers WHERE id = $1`, [caregiver])).rows[0].timezone).toBe("America/Los_Angeles");

      const audit = await client.query<{
        target_id: string;
        action: string;
        actor_type: string;
        organization_id: string | null;
        metadata: { from: string; to: string; reason: string };
      }>(`SELECT target_id, action, actor_type, organization_id, metadata FROM audit_events WHERE target_id = ANY($1::text[]) ORDER BY action, target_id`, [
        [...ids, caregiver],
      ]);
      // the two already canonical are untouched and not audited
      expect(audit.rows).toHaveLength(8);
      const byTarget = new Map(audit.rows.map((r) => [r.target_id, r]));
      expect(byTarget.get(ids[0])).toMatchObject({
        action: "patient.timezone_repaired",
        actor_type: "system",
        organization_id: org,
        metadata: { from: "US/Pacific-New", to: "America/Los_Angeles", reason: "alias" },
      });
      expect(byTarget.get(ids[3])?.metadata).toMatchObject({ from: "america/chicago", to: "America/Chicago", reason: "case" });
      expect(byTarget.get(ids[5])?.metadata).toMatchObject({ from: "Mars/Olympus", to: "UTC", reason: "unusable" });
      expect(byTarget.get(caregiver)).toMatchObject({ action: "caregiver.timezone_repaired", metadata: { from: "US/Pacific-New", to: "America/Los_Angeles" } });

      // every repaired zone is one PostgreSQL computes with
      await client.query(`SELECT now() AT TIME ZONE timezone FROM patients WHERE organization_id = $1`, [org]);
      // and running it again changes nothing more
      await client.query(repairSql());
      expect((await client.query(`SELECT count(*)::int AS n FROM audit_events WHERE target_id = ANY($1::text[])`, [[...ids, caregiver]])).rows[0].n).toBe(8);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});
