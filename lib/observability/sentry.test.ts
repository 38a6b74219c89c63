import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { failedForm } from "@/app/_server/form-errors";
import { route } from "@/lib/api/route";
import { defineJob } from "@/lib/jobs/job";
import { call } from "@/lib/testing/http";
import { flushErrors, startErrorTracking } from "./sentry";

/**
 * Sentry against a local stand-in for its ingest: the envelopes the SDK really sends, read back. An error in a
 * route, a form action and a job reaches it with its tags, and nothing about the person it concerned.
 */
const PHI = ["Betty Example", "+44 7700 900123", "betty@example.com", "chest pain since lunch", "s3cret-session"];

let ingest: Server;
const events: Record<string, any>[] = [];
const raw: string[] = [];

beforeAll(async () => {
  ingest = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const text = (req.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8");
      raw.push(text);
      const lines = text.split("\n");
      for (let i = 1; i < lines.length - 1; i++) {
        if (lines[i].startsWith("{") && JSON.parse(lines[i]).type === "event") events.push(JSON.parse(lines[i + 1]));
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => ingest.listen(0, "127.0.0.1", r));
  const port = (ingest.address() as AddressInfo).port;
  expect(startErrorTracking({ dsn: `http://publickey@127.0.0.1:${port}/1`, environment: "test" })).toBe(true);
});

afterAll(async () => {
  await new Promise((r) => ingest.close(r));
});

async function eventTagged(key: string, value: string) {
  await flushErrors();
  const found = events.find((e) => e.tags?.[key] === value);
  expect(found, `an event tagged ${key}=${value}`).toBeDefined();
  return found!;
}

describe("error tracking (SENTRY_DSN set)", () => {
  it("reports a route's unexpected error with its route and request id, and no health data", async () => {
    const explode = route(
      { name: "POST /api/v1/test-explode", auth: "public", body: z.object({ note: z.string() }), response: z.object({}) },
      async () => {
        throw new Error("could not save Betty Example (+44 7700 900123, betty@example.com)");
      },
    );
    const r = await call(explode, {
      path: "/api/v1/test-explode?q=Betty+Example",
      body: { note: "chest pain since lunch" },
      headers: { cookie: "session=s3cret-session", "x-request-id": "req-sentry-0001" },
    });
    expect(r.status).toBe(500);
    const event = await eventTagged("route", "POST /api/v1/test-explode");
    expect(event.tags.request_id).toBe("req-sentry-0001");
    expect(event.exception.values[0]).toMatchObject({ type: "Error", value: "[redacted]" });
    expect(event.environment).toBe("test");
  });

  it("reports a form action's unexpected failure", async () => {
    failedForm({ attempt: 0, fieldErrors: {}, values: {} }, new RangeError("Betty Example's note: chest pain since lunch"), { note: "chest pain since lunch" });
    const event = await eventTagged("kind", "server action");
    expect(event.exception.values[0].type).toBe("RangeError");
  });

  it("reports each failed job attempt with the job's name and the attempt", async () => {
    const job = defineJob({
      id: "test-failing-sweep",
      trigger: { cron: "0 0 1 1 *" },
      retries: 0,
      handler: async () => {
        throw new Error("no phone for Betty Example at +44 7700 900123");
      },
    });
    const step = { run: <T>(_id: string, fn: () => Promise<T>) => fn(), sendEvent: async () => {} };
    await expect(job.run({ engine: "embedded", attempt: 2, step, firedAt: new Date() })).rejects.toThrow();
    const event = await eventTagged("job", "test-failing-sweep");
    expect(event.tags).toMatchObject({ attempt: "2", engine: "embedded" });
  });

  it("sent nothing that names or describes a person", async () => {
    await flushErrors();
    expect(raw.length).toBeGreaterThan(0);
    for (const text of raw) for (const value of PHI) expect(text).not.toContain(value);
  });
});
