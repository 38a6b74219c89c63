import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ready from "@/app/api/health/ready/route";
import * as patients from "@/app/api/v1/patients/route";
import { call } from "@/lib/testing/http";
import { flushTraces, startTracing } from "./tracing";

/**
 * Traces against a local OTLP/HTTP receiver (JSON on /v1/traces, as a collector takes them): a request's span
 * and its database query's span arrive in one trace, whose id is the request's id.
 */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

let receiver: Server;
const spans: OtlpSpan[] = [];
const services: string[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url === "/v1/traces" && req.headers["content-type"]?.startsWith("application/json")) {
        for (const rs of JSON.parse(body).resourceSpans ?? []) {
          const service = rs.resource?.attributes?.find((a: { key: string }) => a.key === "service.name")?.value?.stringValue;
          if (service) services.push(service);
          for (const ss of rs.scopeSpans ?? []) spans.push(...ss.spans);
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const port = (receiver.address() as AddressInfo).port;
  expect(startTracing({ endpoint: `http://127.0.0.1:${port}`, serviceName: "elda-test" })).not.toBeNull();
});

afterAll(async () => {
  await new Promise((r) => receiver.close(r));
});

describe("traces (OTEL_EXPORTER_OTLP_ENDPOINT set)", () => {
  it("exports a span for the request and one for its database query, in one trace, whose id is the request id", async () => {
    const r = await call(ready.GET, { path: "/api/health/ready?probe=lb" });
    expect(r.status).toBe(200);
    await flushTraces();
    const request = spans.find((s) => s.name === "GET /api/health/ready");
    expect(request, "the request's span").toBeDefined();
    expect(r.headers.get("x-request-id")).toBe(request!.traceId);
    const queries = spans.filter((s) => s.traceId === request!.traceId && s.name.startsWith("prisma:"));
    expect(queries.map((s) => s.name)).toContain("prisma:client:operation");
    expect(queries.some((s) => s.name.includes("db_query"))).toBe(true);
    expect(services).toContain("elda-test");
    const attrs = Object.fromEntries(request!.attributes.map((a) => [a.key, Object.values(a.value)[0]]));
    expect(attrs).toMatchObject({ "http.route": "GET /api/health/ready", "elda.db.queries": 1 });
  });

  it("puts the trace id in a problem's instance", async () => {
    const r = await call(patients.GET, { path: "/api/v1/patients" });
    await flushTraces();
    const request = spans.find((s) => s.name === "GET /api/v1/patients")!;
    expect(r.status).toBe(401);
    expect(r.headers.get("x-request-id")).toBe(request.traceId);
    expect(r.body.instance).toBe(request.traceId);
  });
});
