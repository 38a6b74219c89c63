import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { headers } from "next/headers";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { requestContext } from "@/lib/observability/request-context";

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The client's address as the proxy in front reports it (same rule as the API's route wrapper). */
export async function clientIp(): Promise<string | null> {
  const h = await headers();
  const fwd = h.get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0].trim().slice(0, 64) || null;
  return h.get("x-real-ip")?.slice(0, 64) ?? null;
}

/**
 * Run domain code from a page or server action inside a request context (request id + ip), so the audit
 * rows it writes carry them, exactly as they do for API requests.
 */
export async function withRequestContext<T>(fn: () => Promise<T>): Promise<T> {
  const h = await headers();
  const incoming = h.get("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  return requestContext.run({ requestId, ip: await clientIp() }, fn);
}

/** The signed-in caregiver for this render (checked once per request, shared by layout and page). */
export const pageActor = cache(requireCaregiverPage);
