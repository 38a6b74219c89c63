import { describe, expect, it, vi } from "vitest";

describe("CORS allow-list", () => {
  it("answers allowed origins only", async () => {
    vi.resetModules();
    process.env.CORS_ORIGINS = "https://partner.example";
    const { corsHeaders, preflightHeaders, isAllowedOrigin } = await import("./cors");
    expect(isAllowedOrigin("https://partner.example")).toBe(true);
    expect(corsHeaders("https://partner.example")["access-control-allow-origin"]).toBe("https://partner.example");
    expect(preflightHeaders("https://partner.example")["access-control-allow-headers"]).toContain("authorization");
    expect(corsHeaders("https://evil.example")).toEqual({});
    expect(preflightHeaders(null)).toEqual({});
    delete process.env.CORS_ORIGINS;
  });
});
