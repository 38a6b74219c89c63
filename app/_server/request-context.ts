import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { markIfDatabaseUnavailable } from "@/lib/db/unavailable";
import { clientIpFrom, requestContext, requestIdFrom, type RequestContext } from "@/lib/observability/request-context";

/** This request's id and client address (one id per request: the layout and the page share it). */
const thisRequest = cache(async (): Promise<RequestContext> => {
  const h = await headers();
  return { requestId: requestIdFrom(h), ip: clientIpFrom(h) };
});

/** The client's address as the proxy in front reports it (same rule as the API's route wrapper). */
export async function clientIp(): Promise<string | null> {
  return (await thisRequest()).ip;
}

/**
 * Run dashboard code inside a request context (request id + ip), so the audit rows it writes carry them, exactly
 * as they do for API requests. An unreachable database reaches the page's error boundary as such ("cannot reach
 * the database, retrying"), not as an unknown error. Pages and actions get this from the wrappers in this folder;
 * only the sign-in actions call it themselves.
 */
export async function withRequestContext<T>(fn: () => Promise<T>): Promise<T> {
  const ctx = await thisRequest();
  return requestContext.run(ctx, fn).catch((err: unknown) => {
    throw markIfDatabaseUnavailable(err);
  });
}
