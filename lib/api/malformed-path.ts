import "server-only";
import { BadRequest } from "./errors";
import { problemResponse } from "./problem-response";

/**
 * A path whose percent-encoding does not decode (`/api/v1/patients/%E0%A4%A`) is answered here, before any
 * routing, with a 400 problem+json and a request id (proxy.ts); the framework would answer a bare error page.
 */
export function malformedPathResponse(req: Request): Response | null {
  try {
    decodeURIComponent(rawPath(req.url));
    return null;
  } catch {
    return problemResponse(req, new BadRequest("The request path is not valid percent-encoding."));
  }
}

/** The path as sent (URL keeps percent-escapes as they came), without query or fragment. */
function rawPath(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/]*/i, "").split(/[?#]/)[0];
}
