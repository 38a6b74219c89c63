import { NextResponse } from "next/server";
import { preflightResponse } from "@/lib/api/cors";
import { malformedPathResponse } from "@/lib/api/malformed-path";
import { contentSecurityPolicy, newNonce } from "@/lib/web/content-security-policy";

/**
 * Before any routing (Next.js proxy):
 * - a path that is not valid percent-encoding gets a 400 problem+json with a request id (lib/api/malformed-path.ts);
 * - CORS preflights for every API route (SPEC §8 "CORS allow-list"), answered by lib/api/cors.ts, so route
 *   files need no OPTIONS handler of their own;
 * - every page gets its own Content-Security-Policy nonce (lib/web/content-security-policy.ts): Next.js reads
 *   it from the request's policy and puts it on its scripts; the answer carries the same policy.
 * Static files never reach this file (the matcher), nor do prefetches of pages.
 */
export function proxy(req: Request): Response | undefined {
  const malformed = malformedPathResponse(req);
  if (malformed) return malformed;
  if (new URL(req.url).pathname.startsWith("/api/")) {
    if (req.method === "OPTIONS" && req.headers.has("access-control-request-method")) return preflightResponse(req);
    return undefined;
  }
  const policy = contentSecurityPolicy(newNonce());
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", policy);
  return res;
}

export const config = {
  matcher: [
    "/api/:path*",
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon|apple-touch-icon|manifest.webmanifest|sw.js).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
