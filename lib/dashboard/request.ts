import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { markIfDatabaseUnavailable } from "@/lib/db/unavailable";
import { clientIpFrom, requestContext, requestIdFrom } from "@/lib/observability/request-context";

/** The client's address as the proxy in front reports it (same rule as the API's route wrapper). */
export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}

/** Rethrow, marked for the error boundary when the database could not be reached (lib/db/unavailable.ts). */
const rethrowMarked = (err: unknown): never => {
  throw markIfDatabaseUnavailable(err);
};

/**
 * Run domain code from a page or server action inside a request context (request id + ip), so the audit
 * rows it writes carry them, exactly as they do for API requests. An unreachable database reaches the
 * page's error boundary as such ("cannot reach the database, retrying"), not as an unknown error.
 */
export async function withRequestContext<T>(fn: () => Promise<T>): Promise<T> {
  const h = await headers();
  return requestContext.run({ requestId: requestIdFrom(h), ip: clientIpFrom(h) }, fn).catch(rethrowMarked);
}

/**
 * The signed-in caregiver for this render (checked once per request, shared by layout and page). It is
 * every dashboard render's first database query, so an outage is marked here for the error boundary.
 */
export const pageActor = cache(() => requireCaregiverPage().catch(rethrowMarked));
