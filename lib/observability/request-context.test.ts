import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./request-context";

const h = (headers: Record<string, string>) => new Headers(headers);

describe("the client's address", () => {
  it("is the entry our proxies appended, counted from the right: never the left-most one the client wrote", () => {
    const forged = h({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" });
    expect(clientIpFrom(forged, { trustedProxyHops: 1 })).toBe("198.51.100.7");
    expect(clientIpFrom(h({ "x-forwarded-for": "1.2.3.4, 198.51.100.7, 10.0.0.2" }), { trustedProxyHops: 2 })).toBe("198.51.100.7");
    // a list shorter than the hops: every entry was written by our proxies; the furthest is the client
    expect(clientIpFrom(h({ "x-forwarded-for": "198.51.100.7" }), { trustedProxyHops: 2 })).toBe("198.51.100.7");
    expect(clientIpFrom(h({}), { trustedProxyHops: 1 })).toBeNull();
  });

  it("is unknown with no trusted proxy (the default): X-Forwarded-For and X-Real-IP are then whatever the client sent", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "198.51.100.7", "x-real-ip": "198.51.100.8" }), { trustedProxyHops: 0 })).toBeNull();
  });

  it("on Vercel is the platform's own header", () => {
    const headers = h({ "x-forwarded-for": "1.2.3.4", "x-vercel-forwarded-for": "198.51.100.7", "x-real-ip": "198.51.100.9" });
    expect(clientIpFrom(headers, { platform: "vercel" })).toBe("198.51.100.7");
    expect(clientIpFrom(h({ "x-real-ip": "198.51.100.9" }), { platform: "vercel" })).toBe("198.51.100.9");
  });
});
