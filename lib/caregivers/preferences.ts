import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { NotFound } from "@/lib/api/errors";
import { DEFAULT_PREFERENCES, preferences, type Preferences, type PreferencesPatch } from "./schemas";

/**
 * The preferences in force: stored values over the defaults, field by field. A stored document that no
 * longer validates (an older shape) falls back to the defaults key by key instead of failing.
 */
export function effectivePreferences(stored: unknown): Preferences {
  const s = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const merged = mergePreferences(DEFAULT_PREFERENCES, s as PreferencesPatch);
  const ok = preferences.safeParse(merged);
  return ok.success ? ok.data : DEFAULT_PREFERENCES;
}

export function mergePreferences(base: Preferences, patch: PreferencesPatch): Preferences {
  return {
    notifications: { ...base.notifications, ...patch.notifications },
    alert_threshold: patch.alert_threshold ?? base.alert_threshold,
    quiet_hours: { ...base.quiet_hours, ...patch.quiet_hours },
    daily_summary_time: patch.daily_summary_time ?? base.daily_summary_time,
  };
}

export async function getPreferences(actor: Actor): Promise<Preferences> {
  const me = requireCaregiver(actor);
  const c = await db.caregiver.findUnique({ where: { id: me.caregiverId }, select: { preferences: true } });
  if (!c) throw new NotFound("Caregiver");
  return effectivePreferences(c.preferences);
}

export async function updatePreferences(actor: Actor, patch: PreferencesPatch): Promise<Preferences> {
  const me = requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    const c = await tx.caregiver.findUnique({ where: { id: me.caregiverId }, select: { preferences: true } });
    if (!c) throw new NotFound("Caregiver");
    const next = mergePreferences(effectivePreferences(c.preferences), patch);
    await tx.caregiver.update({ where: { id: me.caregiverId }, data: { preferences: next } });
    await recordAudit(tx, actor, {
      action: "caregiver.preferences_updated",
      targetType: "caregiver",
      targetId: me.caregiverId,
      metadata: { fields: Object.keys(patch) },
    });
    return next;
  });
}
