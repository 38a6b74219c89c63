import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig, reloadConfig } from "@/lib/config";
import { metricsTokenOf, metricsTokenWarning } from "@/lib/observability/metrics-token";
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

  it("serves no metrics in a deployment without METRICS_TOKEN (and says so at startup); a local run without one is open", async () => {
    const req = new Request("http://x/api/metrics");
    expect(metricsTokenOf(req, { deployment: true, metricsToken: null })).toBe("unconfigured");
    expect(metricsTokenWarning({ deployment: true, metricsToken: null })).toMatch(/METRICS_TOKEN is not set/);
    expect(metricsTokenOf(req, { deployment: false, metricsToken: null })).toBe("open");
    expect(metricsTokenWarning({ deployment: false, metricsToken: null })).toBeNull();
    expect(metricsTokenOf(req, { deployment: true, metricsToken: "metrics-token-0123456789" })).toBe("absent");
    expect(parseConfig({ NODE_ENV: "production", DATABASE_URL: "postgresql://db.example/elda", AUTH_SECRET: "x".repeat(32) }).deployment).toBe(true);
  });

  it("keeps the benchmark yardstick route closed unless the benchmark turns it on", async () => {
    const r = await bare.POST(new Request("http://x/api/bench/bare", { method: "POST", body: "{}" }));
    expect(r.status).toBe(404);
  });
});
