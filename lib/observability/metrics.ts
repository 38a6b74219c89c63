import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { db } from "@/lib/db/client";

/** One Prometheus registry per process, kept on globalThis so hot reloads do not register twice. */
const g = globalThis as unknown as { eldaMetrics?: ReturnType<typeof create> };

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: "elda_http_request_duration_seconds",
    help: "API request duration by route and status",
    labelNames: ["route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const dbTime = new Histogram({
    name: "elda_http_request_db_seconds",
    help: "Database time per API request (every query it made, added up) by route",
    labelNames: ["route"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const requests = new Counter({
    name: "elda_http_requests_total",
    help: "API requests by route and status",
    labelNames: ["route", "status"],
    registers: [registry],
  });
  // fault isolation in the sweeps (lib/jobs/isolate-failures.ts): ids and counts only
  const batchesSplit = new Counter({
    name: "elda_job_batches_split_total",
    help: "Set-based job batches that failed and were split to find the failing rows, by job",
    labelNames: ["job"],
    registers: [registry],
  });
  const rowsQuarantined = new Counter({
    name: "elda_job_rows_quarantined_total",
    help: "Rows a job could not process and left out until their retry time (each failure, first or again), by job and row kind",
    labelNames: ["job", "kind"],
    registers: [registry],
  });
  const rowsReleased = new Counter({
    name: "elda_job_rows_released_total",
    help: "Quarantined rows that went through on a retry and are back in the job's runs, by job and row kind",
    labelNames: ["job", "kind"],
    registers: [registry],
  });
  new Gauge({
    name: "elda_job_quarantine_rows",
    help: "Rows in quarantine now (every process, read from job_quarantine), by job and row kind",
    labelNames: ["job", "kind"],
    registers: [registry],
    async collect() {
      try {
        const rows = await db.$queryRaw<
          { job: string; kind: string; n: number }[]
        >`SELECT job, row_kind AS kind, count(*)::int AS n FROM job_quarantine GROUP BY 1, 2`;
        this.reset();
        for (const r of rows) this.set({ job: r.job, kind: r.kind }, r.n);
      } catch {
        // the database is unreachable: keep the last reading (the health endpoint reports the outage)
      }
    },
  });
  return { registry, duration, dbTime, requests, batchesSplit, rowsQuarantined, rowsReleased };
}

export const metrics = (g.eldaMetrics ??= create());

export function observeRequest(route: string, status: number, ms: number, dbMs: number) {
  metrics.duration.observe({ route, status: String(status) }, ms / 1000);
  metrics.dbTime.observe({ route }, dbMs / 1000);
  metrics.requests.inc({ route, status: String(status) });
}
