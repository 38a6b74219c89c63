import "server-only";
import { config } from "@/lib/config";
import { Forbidden } from "./errors";
import { problemResponse } from "./problem-response";

/** CORS allow-list (CORS_ORIGINS, comma separated). Other origins get no CORS headers at all. */
export function isAllowedOrigin(origin: string | null): boolean {
  return !!origin && config().corsOrigins.includes(origin);
}

export function corsHeaders(origin: string | null): Record<string, string> {
  if (!isAllowedOrigin(origin)) return {};
  return {
    "access-control-allow-origin": origin!,
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": "x-request-id, retry-after",
    vary: "Origin",
  };
}

export function preflightHeaders(origin: string | null): Record<string, string> {
  if (!isAllowedOrigin(origin)) return {};
  return {
    ...corsHeaders(origin),
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "access-control-allow-headers": "authorization, content-type, x-request-id",
    "access-control-max-age": "600",
  };
}

/**
 * The answer to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`) for any API route, given by
 * proxy.ts before the route is reached: 204 with the allow headers for an origin in CORS_ORIGINS; for any
 * other origin a 403 problem+json without them, so the browser refuses the call. Nothing else happens.
 */
export function preflightResponse(req: Request): Response {
  const origin = req.headers.get("origin");
  if (isAllowedOrigin(origin)) return new Response(null, { status: 204, headers: preflightHeaders(origin) });
  return problemResponse(req, new Forbidden("This origin may not call the Elda API from a browser."), { vary: "Origin" });
}
