import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reloadConfig } from "@/lib/config";
import * as bare from "../bench/bare/route";
import { call } from "@/lib/testing/http";
import { LATEST_MIGRATION } from "@/lib/db/latest-migration";
import * as health from "./route";
import * as ready from "./ready/route";
import * as metricsRoute from "../metrics/route";

describe("operations endpoints", () => {
  it("answers liveness and readiness (database reachable, migrations applied)", async () => {
    const live = await call(health.GET);
    expect(live).toMatchObject({ status: 200, body: { status: "ok" } });
    expect(live.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const r = await call(ready.GET);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ready: true, database: "ok", migrations: "applied" });
  });

  it("keeps a sane incoming request id and replaces an unsafe one", async () => {
    expect((await call(health.GET, { headers: { "x-request-id": "trace-abc-123456" } })).headers.get("x-request-id")).toBe("trace-abc-123456");
    expect((await call(health.GET, { headers: { "x-request-id": "<script>" } })).headers.get("x-request-id")).not.toBe("<script>");
  });

  it("knows the newest migration", () => {
    const dirs = readdirSync(path.resolve(import.meta.dirname, "../../../prisma/migrations"))
      .filter((d) => /^\d{14}_/.test(d))
      .sort();
    expect(LATEST_MIGRATION).toBe(dirs[dirs.length - 1]);
  });

  it("exposes Prometheus metrics by route, without patient data", async () => {
    await call(health.GET);
    const m = await call(metricsRoute.GET);
    expect(m.status).toBe(200);
    expect(m.body).toContain('elda_http_requests_total{route="GET /api/health",status="200"}');
  });

  it("guards metrics with METRICS_TOKEN when set", async () => {
    process.env.METRICS_TOKEN = "metrics-token-0123456789";
    reloadConfig();
    try {
      expect((await call(metricsRoute.GET)).status).toBe(401);
      expect((await call(metricsRoute.GET, { headers: { "x-metrics-token": "wrong-token-0123456789x" } })).status).toBe(401);
      expect((await call(metricsRoute.GET, { headers: { "x-metrics-token": "metrics-token-0123456789" } })).status).toBe(200);
    } finally {
      delete process.env.METRICS_TOKEN;
      reloadConfig();
    }
  });

  it("keeps the benchmark yardstick route closed unless the benchmark turns it on", async () => {
    const r = await bare.POST(new Request("http://x/api/bench/bare", { method: "POST", body: "{}" }));
    expect(r.status).toBe(404);
  });
});
