import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { NotFound, ValidationFailed } from "@/lib/api/errors";
import { assertOrgRole } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { zodFieldErrors } from "@/lib/api/problem";
import { forgetOrganizationSettings, settingsCache } from "./settings-cache";
import { consistentSettings, DEFAULT_ORGANIZATION_SETTINGS, type OrganizationSettings, type OrganizationSettingsPatch } from "./schemas";

function merge(base: OrganizationSettings, patch: OrganizationSettingsPatch | Record<string, unknown>): OrganizationSettings {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base) as (keyof OrganizationSettings)[]) {
    const p = (patch as Record<string, unknown>)[key];
    out[key] = { ...base[key], ...(p && typeof p === "object" ? p : {}) };
  }
  return out as OrganizationSettings;
}

/** Stored settings over the defaults; a stored value that no longer validates falls back to the defaults. */
export function effectiveSettings(stored: unknown): OrganizationSettings {
  const merged = merge(DEFAULT_ORGANIZATION_SETTINGS, (stored ?? {}) as Record<string, unknown>);
  const r = consistentSettings.safeParse(merged);
  return r.success ? r.data : DEFAULT_ORGANIZATION_SETTINGS;
}

/**
 * The settings in force for an organization (read by every feature that is "configurable per organization").
 * Read outside a transaction they are kept 30 s in this process (an update here forgets them at once; other
 * instances see it within 30 s); in a transaction they are always read, so a change decides on what is stored.
 */
export async function organizationSettingsFor(tx: Tx, organizationId: string): Promise<OrganizationSettings> {
  const read = async () => {
    const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { settings: true } });
    if (!org) throw new NotFound("Organization");
    return effectiveSettings(org.settings);
  };
  return tx === db ? settingsCache.get(organizationId, read) : read();
}

export async function getOrganizationSettings(actor: Actor, organizationId: string) {
  await assertOrgRole(db, actor, organizationId, ["owner", "admin"]);
  return organizationSettingsFor(db, organizationId);
}

export async function updateOrganizationSettings(actor: Actor, organizationId: string, patch: OrganizationSettingsPatch) {
  const saved = await db.$transaction(async (tx) => {
    await assertOrgRole(tx, actor, organizationId, ["owner", "admin"]);
    const current = await organizationSettingsFor(tx, organizationId);
    const next = consistentSettings.safeParse(merge(current, patch));
    if (!next.success) throw new ValidationFailed(zodFieldErrors(next.error));
    await tx.organization.update({ where: { id: organizationId }, data: { settings: next.data } });
    forgetOrganizationSettings(organizationId);
    await recordAudit(tx, actor, {
      action: "organization.settings_updated",
      targetType: "organization",
      targetId: organizationId,
      organizationId,
      metadata: { sections: Object.keys(patch) },
    });
    return next.data;
  });
  // again once committed: a read between the update and the commit may have kept the old settings
  forgetOrganizationSettings(organizationId);
  return saved;
}
