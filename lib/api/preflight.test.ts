import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reloadConfig } from "@/lib/config";
import { proxy, config as proxyConfig } from "@/proxy";

/**
 * CORS preflights (SPEC §8): proxy.ts answers OPTIONS for every API route before any route file is reached
 * (e2e/cors.spec.ts shows it in Chromium from a second origin).
 */
const preflight = (origin: string | null, path = "/api/v1/patients") =>
  new Request(`http://127.0.0.1${path}`, {
    method: "OPTIONS",
    headers: { ...(origin ? { origin } : {}), "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
  });

beforeAll(() => {
  process.env.CORS_ORIGINS = "https://partner.example, https://other.example";
  reloadConfig();
});
afterAll(() => {
  delete process.env.CORS_ORIGINS;
  reloadConfig();
});

describe("CORS preflight for every API route", () => {
  it("an allowed origin gets 204 with the allow headers, on any API path", async () => {
    for (const path of ["/api/v1/patients", "/api/v1/alerts/0b0b0b0b-0000-4000-8000-000000000000/acknowledge", "/api/v1/voice/interact"]) {
      const r = proxy(preflight("https://partner.example", path))!;
      expect(r.status).toBe(204);
      expect(r.headers.get("access-control-allow-origin")).toBe("https://partner.example");
      expect(r.headers.get("access-control-allow-headers")).toContain("authorization");
      expect(r.headers.get("access-control-allow-methods")).toContain("POST");
    }
  });

  it("any other origin, or none, gets a 403 problem+json without allow headers", async () => {
    for (const origin of ["https://evil.example", "null", null]) {
      const r = proxy(preflight(origin))!;
      expect(r.status).toBe(403);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      expect(r.headers.get("access-control-allow-origin")).toBeNull();
      expect(await r.json()).toMatchObject({ status: 403, title: "Forbidden", instance: expect.any(String) });
    }
  });

  it("only preflights reach the proxy, and only on the API", () => {
    expect(proxyConfig.matcher).toEqual([{ source: "/api/:path*", has: [{ type: "header", key: "access-control-request-method" }] }]);
    expect(proxy(new Request("http://127.0.0.1/api/v1/patients", { method: "GET", headers: { origin: "https://evil.example" } }))).toBeUndefined();
  });
});
