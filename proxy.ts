import { preflightResponse } from "@/lib/api/cors";

/**
 * CORS preflights for every API route (SPEC §8 "CORS allow-list"). The matcher sends only requests that carry
 * `Access-Control-Request-Method` (browsers' preflights) to /api/*, so every other request skips this file;
 * the answer comes from lib/api/cors.ts. Route files need no OPTIONS handler of their own.
 */
export function proxy(req: Request): Response | undefined {
  if (req.method !== "OPTIONS") return undefined;
  return preflightResponse(req);
}

export const config = {
  matcher: [{ source: "/api/:path*", has: [{ type: "header", key: "access-control-request-method" }] }],
};
