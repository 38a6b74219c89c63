import "server-only";
import { requestIdFrom } from "@/lib/observability/request-context";
import type { AppError } from "./errors";
import { toProblem } from "./problem";

/**
 * An RFC 9457 answer given outside route() (proxy.ts before routing, an endpoint that is switched off): the
 * same problem+json body, request id and no-store as every route's refusals.
 */
export function problemResponse(req: Request, err: AppError, headers: Record<string, string> = {}): Response {
  const requestId = requestIdFrom(req.headers);
  const { problem } = toProblem(err, requestId);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { ...headers, "content-type": "application/problem+json", "x-request-id": requestId, "cache-control": "no-store" },
  });
}
