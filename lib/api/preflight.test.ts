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

  it("any other API request passes through the proxy untouched", () => {
    expect(proxyConfig.matcher).toContain("/api/:path*");
    expect(proxy(new Request("http://127.0.0.1/api/v1/patients", { method: "GET", headers: { origin: "https://evil.example" } }))).toBeUndefined();
    expect(proxy(new Request("http://127.0.0.1/api/v1/patients", { method: "OPTIONS" }))).toBeUndefined();
  });
});

describe("before any routing", () => {
  it("a path that is not valid percent-encoding answers 400 problem+json with a request id, on the API and on pages", async () => {
    for (const path of ["/api/v1/patients/%E0%A4%A", "/api/v1/patients/%", "/patients/%C0", "/api/v1/alerts/%ZZ/acknowledge"]) {
      const r = proxy(new Request(`http://127.0.0.1${path}`, { method: "POST" }))!;
      expect(r.status, path).toBe(400);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      const body = await r.json();
      expect(body).toMatchObject({ status: 400, title: "Bad request" });
      expect(body.instance).toBe(r.headers.get("x-request-id"));
    }
    // well-formed escapes are routing's business
    expect(proxy(new Request("http://127.0.0.1/api/v1/patients?q=%E0%A4%A"))).toBeUndefined();
    expect(proxy(new Request("http://127.0.0.1/api/v1/patients/caf%C3%A9"))).toBeUndefined();
  });

  it("every page gets its own script nonce, in the request's policy (for Next.js) and the answer's, and no inline script otherwise", () => {
    const policies = [0, 1].map(() => proxy(new Request("http://127.0.0.1/patients"))!.headers.get("content-security-policy")!);
    const nonces = policies.map((p) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(p)?.[1]);
    expect(nonces[0]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
    for (const p of policies) {
      const scripts = p.split("; ").find((d) => d.startsWith("script-src"))!;
      expect(scripts).not.toContain("unsafe-inline");
      expect(scripts).not.toContain("unsafe-eval");
      expect(p).toContain("frame-ancestors 'none'");
    }
  });
});
