import { afterEach, describe, expect, it } from "vitest";
import { call } from "@/lib/testing/http";
import * as inngestRoute from "./route";

afterEach(() => {
  delete process.env.INNGEST_DEV;
});

describe("/api/inngest", () => {
  it("answers 404 problem+json to anything while the embedded runner runs the jobs", async () => {
    for (const [verb, handler] of [
      ["GET", inngestRoute.GET],
      ["POST", inngestRoute.POST],
      ["PUT", inngestRoute.PUT],
    ] as const) {
      const r = await call(handler, { method: verb, path: "/api/inngest?fnId=elda-x&stepId=step", ...(verb === "GET" ? {} : { body: { event: {} } }) });
      expect(r.status, verb).toBe(404);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      expect(r.body.instance).toBe(r.headers.get("x-request-id"));
      expect(r.body.detail).toMatch(/embedded runner/);
    }
  });

  it("is Inngest's own endpoint when Inngest runs the jobs", async () => {
    process.env.INNGEST_DEV = "1";
    const r = await call(inngestRoute.GET, { path: "/api/inngest" });
    expect(r.status).not.toBe(404);
    expect(r.headers.get("content-type")).not.toBe("application/problem+json");
  });
});
