import "server-only";
import { TtlCache } from "@/lib/cache/ttl-cache";
import type { OrganizationSettings } from "./schemas";

/**
 * How long an instance keeps what it derived from organizations' settings (docs/decisions/033): the instance
 * that changes them forgets at once, the others see the change within this time.
 */
export const SETTINGS_CACHE_MS = 30_000;

/** An organization's settings in force, by organization id (lib/orgs/settings.ts). */
export const settingsCache = new TtlCache<OrganizationSettings>(SETTINGS_CACHE_MS);
/** A caregiver's strictest security policy, by caregiver id (lib/orgs/security-policy.ts). */
export const policyCache = new TtlCache<{ twoFactorRequired: boolean; idleTimeoutMinutes: number }>(SETTINGS_CACHE_MS);

/** An organization's settings changed: its entry, and every policy (whose caregivers belong to it is not kept). */
export function forgetOrganizationSettings(organizationId: string) {
  settingsCache.invalidate(organizationId);
  policyCache.invalidate();
}
