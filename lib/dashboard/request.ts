import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { clientIpFrom, requestContext, requestIdFrom } from "@/lib/observability/request-context";

/** The client's address as the proxy in front reports it (same rule as the API's route wrapper). */
export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}

/**
 * Run domain code from a page or server action inside a request context (request id + ip), so the audit
 * rows it writes carry them, exactly as they do for API requests.
 */
export async function withRequestContext<T>(fn: () => Promise<T>): Promise<T> {
  const h = await headers();
  return requestContext.run({ requestId: requestIdFrom(h), ip: clientIpFrom(h) }, fn);
}

/** The signed-in caregiver for this render (checked once per request, shared by layout and page). */
export const pageActor = cache(requireCaregiverPage);
