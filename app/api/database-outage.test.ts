import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { call } from "@/lib/testing/http";
import { startTcpRelay, type TcpRelay } from "@/lib/testing/tcp-relay";

/**
 * PostgreSQL goes away under heartbeat traffic and comes back. In this file the app reaches its database
 * through a relay the test cuts (every open connection broken, new ones refused) and restores.
 */
let relay: TcpRelay;
let app: {
  heartbeat: typeof import("@/app/api/v1/patients/[id]/heartbeat/route");
  status: typeof import("@/app/api/health/status/route");
  ready: typeof import("@/app/api/health/ready/route");
  db: typeof import("@/lib/db/client").db;
  clock: typeof import("@/lib/clock").clock;
  factories: typeof import("@/lib/testing/factories");
};

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  relay = await startTcpRelay({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = "127.0.0.1";
  url.port = String(relay.port);
  process.env.DATABASE_URL = url.toString();
  // imported only now, so the app's one database client is created on the relayed address
  app = {
    heartbeat: await import("@/app/api/v1/patients/[id]/heartbeat/route"),
    status: await import("@/app/api/health/status/route"),
    ready: await import("@/app/api/health/ready/route"),
    db: (await import("@/lib/db/client")).db,
    clock: (await import("@/lib/clock")).clock,
    factories: await import("@/lib/testing/factories"),
  };
});

afterEach(async () => {
  await relay.restore();
  app.clock.set(null);
});

afterAll(async () => {
  await app.db.$disconnect();
  await relay.close();
});

async function phone() {
  const owner = await app.factories.makeCaregiver();
  const patient = await app.factories.makePatient(owner);
  const { credential } = await app.factories.pairDevice(patient.id);
  const beat = (body: Record<string, unknown> = { activity_type: "heartbeat" }) =>
    call(app.heartbeat.POST, { path: `/api/v1/patients/${patient.id}/heartbeat`, params: { id: patient.id }, token: credential, body });
  return { patientId: patient.id, beat };
}

const emergency = { activity_type: "emergency", latitude: 39.7817, longitude: -89.6501 };

describe("a database outage", () => {
  it("is a 503 with Retry-After and the request id while it lasts, 200 once the database is back, and nothing acknowledged is lost", async () => {
    const { patientId, beat } = await phone();
    app.clock.set("2026-03-02T10:00:00Z");
    const acknowledged: string[] = [];
    const ok = await beat();
    expect(ok.status).toBe(200);
    acknowledged.push(app.clock.now().toISOString());

    await relay.cut();
    for (const body of [{ activity_type: "heartbeat" }, emergency, { activity_type: "heartbeat" }]) {
      app.clock.advance(2_000);
      const r = await beat(body);
      expect(r.status).toBe(503);
      expect(r.headers.get("retry-after")).toBe("5");
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      expect(r.body).toEqual({
        type: "https://elda.app/problems/service-unavailable",
        title: "Service unavailable",
        status: 503,
        detail: "The database cannot be reached right now. Try again in a few seconds.",
        instance: r.headers.get("x-request-id"),
      });
    }

    await relay.restore();
    // the phone retries its emergency press after Retry-After, then carries on
    for (const body of [emergency, { activity_type: "heartbeat" }]) {
      app.clock.advance(5_000);
      expect((await beat(body)).status).toBe(200);
      acknowledged.push(app.clock.now().toISOString());
    }
    const rows = await app.db.activityLog.findMany({ where: { patientId }, orderBy: { occurredAt: "asc" }, select: { occurredAt: true } });
    expect(rows.map((r) => r.occurredAt.toISOString())).toEqual(acknowledged);
    expect(await app.db.alert.count({ where: { patientId, type: "emergency", status: "open" } })).toBe(1);
  });

  it("under traffic: every heartbeat in flight when the database goes answers 200 (and is kept) or 503, never 500", async () => {
    const { patientId, beat } = await phone();
    const burst = Array.from({ length: 30 }, (_, n) => beat({ activity_type: "heartbeat", details: { n } }));
    await Promise.race(burst);
    await relay.cut();
    const results = await Promise.all(burst);
    await relay.restore();
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(results.some((r) => r.status === 503)).toBe(true);
    for (const r of results.filter((x) => x.status === 503)) expect(r.headers.get("retry-after")).toBe("5");
    const kept = new Set((await app.db.activityLog.findMany({ where: { patientId }, select: { details: true } })).map((r) => (r.details as { n: number }).n));
    const acknowledged = results.flatMap((r, n) => (r.status === 200 ? [n] : []));
    expect(acknowledged.filter((n) => !kept.has(n))).toEqual([]);
    expect((await beat()).status).toBe(200);
  });

  it("fails the monitors' status and the load balancer's readiness while it lasts", async () => {
    await relay.cut();
    const status = await call(app.status.GET, { path: "/api/health/status" });
    expect(status.status).toBe(503);
    expect(status.body).toMatchObject({
      status: "failing",
      database: "unreachable",
      jobs: null,
      problems: ["The database cannot be reached: no job can run."],
    });
    const ready = await call(app.ready.GET, { path: "/api/health/ready" });
    expect(ready).toMatchObject({ status: 503, body: { ready: false, database: "unreachable" } });
    await relay.restore();
    expect((await call(app.ready.GET, { path: "/api/health/ready" })).status).toBe(200);
  });
});
