import "server-only";
import { config } from "@/lib/config";

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
