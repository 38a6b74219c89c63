import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { policyCache } from "./settings-cache";
import { effectiveSettings } from "./settings";
import { DEFAULT_ORGANIZATION_SETTINGS } from "./schemas";

export interface SecurityPolicy {
  /** some organization of the caregiver requires two-factor sign-in */
  twoFactorRequired: boolean;
  /** the shortest idle timeout of the caregiver's organizations */
  idleTimeoutMinutes: number;
}

/** For a caregiver in several organizations the strictest setting applies (SPEC §8); with none, the defaults. */
export function strictestPolicy(settings: unknown[]): SecurityPolicy {
  const all = settings.map((s) => effectiveSettings(s).security);
  return {
    twoFactorRequired: all.some((s) => s.two_factor === "required"),
    idleTimeoutMinutes: all.length ? Math.min(...all.map((s) => s.idle_timeout_minutes)) : DEFAULT_ORGANIZATION_SETTINGS.security.idle_timeout_minutes,
  };
}

export async function securityPolicyFor(tx: Tx, caregiverId: string): Promise<SecurityPolicy> {
  const rows = await tx.membership.findMany({ where: { caregiverId }, select: { organization: { select: { settings: true } } } });
  return strictestPolicy(rows.map((r) => r.organization.settings));
}

/**
 * The policy for every dashboard request's session check (lib/auth/sessions.ts), kept 30 s per caregiver in
 * this process (lib/orgs/settings-cache.ts): a settings change made here applies at once, elsewhere within
 * 30 s, and so does joining or leaving an organization.
 */
export function cachedSecurityPolicy(caregiverId: string): Promise<SecurityPolicy> {
  return policyCache.get(caregiverId, () => securityPolicyFor(db, caregiverId));
}

/** Tests: forget every kept policy. */
export function forgetSecurityPolicies() {
  policyCache.invalidate();
}
