import { afterEach, describe, expect, it, vi } from "vitest";
import * as ready from "@/app/api/health/ready/route";
import * as metricsRoute from "@/app/api/metrics/route";
import { config, reloadConfig } from "@/lib/config";
import { db, pool } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { logger } from "./logger";
import { statementName } from "./query-timing";

/**
 * Query timing: the slow-query log (name and duration, never a parameter), the request's database time in its
 * log line, and the histogram by route. The logger is watched, not replaced: every line is still written.
 */
function watch(level: "warn" | "info") {
  return vi.spyOn(logger, level);
}
const lines = (spy: ReturnType<typeof watch>, message: string) =>
  spy.mock.calls.filter((c) => c[1] === message).map((c) => c[0] as unknown as Record<string, unknown>);

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.SLOW_QUERY_MS;
  reloadConfig();
});

describe("query timing", () => {
  it("logs a query at SLOW_QUERY_MS or slower with its name and duration, never its values", async () => {
    process.env.SLOW_QUERY_MS = "0";
    reloadConfig();
    const warn = watch("warn");
    await db.organization.findFirst({ where: { name: "Betty Example's family" } });
    await db.$queryRaw`SELECT ${"+44 7700 900123"}::text AS phone`;
    await pool.query("SELECT job_id FROM job_status WHERE job_id = $1", ["00000000-0000-4000-8000-000000000001"]);
    const slow = lines(warn, "slow query");
    expect(slow.map((l) => l.query)).toEqual(["Organization.findFirst", "$queryRaw SELECT", "SELECT job_status"]);
    for (const l of slow) expect(typeof l.ms).toBe("number");
    const text = JSON.stringify(slow);
    for (const value of ["Betty Example", "+44 7700 900123", "00000000-0000-4000-8000-000000000001"]) expect(text).not.toContain(value);
  });

  it("logs nothing under the threshold (200 ms by default)", async () => {
    expect(config().slowQueryMs).toBe(200);
    process.env.SLOW_QUERY_MS = "60000";
    reloadConfig();
    const warn = watch("warn");
    await db.organization.findFirst();
    expect(lines(warn, "slow query")).toEqual([]);
  });

  it("adds the request's database time to its log line and to the histogram by route", async () => {
    const info = watch("info");
    await call(ready.GET);
    const [line] = lines(info, "request").filter((l) => l.route === "GET /api/health/ready");
    expect(line).toMatchObject({ dbQueries: 1 });
    expect(line.dbMs).toBeGreaterThan(0);
    const m = await call(metricsRoute.GET);
    expect(m.body).toMatch(/elda_http_request_db_seconds_count\{route="GET \/api\/health\/ready"\} [1-9]/);
  });

  it("names a statement by its verb and first table only", () => {
    expect(statementName(`INSERT INTO job_status (job_id) VALUES ($1)`)).toBe("INSERT job_status");
    expect(statementName(`UPDATE "public"."devices" SET last_seen_at = $1`)).toBe("UPDATE devices");
    expect(statementName(`-- the heartbeat\nWITH d AS (SELECT 1) SELECT * FROM d`)).toBe("WITH d");
    expect(statementName(`SELECT 1`)).toBe("SELECT");
  });
});
