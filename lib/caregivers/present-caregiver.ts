import "server-only";
import type { Tx } from "@/lib/db/client";
import { NotFound } from "@/lib/api/errors";
import { localeOf } from "@/lib/i18n/locales";
import { effectivePreferences } from "./preferences";
import type { CaregiverOutput } from "./schemas";

/** The caregiver as the API shows it to themselves. */
export async function presentCaregiver(tx: Tx, caregiverId: string): Promise<CaregiverOutput> {
  const c = await tx.caregiver.findUnique({
    where: { id: caregiverId },
    include: { memberships: { include: { organization: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } } },
  });
  if (!c) throw new NotFound("Caregiver");
  return {
    id: c.id,
    email: c.email,
    first_name: c.firstName,
    last_name: c.lastName,
    phone_number: c.phoneNumber,
    timezone: c.timezone,
    language: localeOf(c.language),
    preferences: effectivePreferences(c.preferences),
    is_active: c.isActive,
    created_at: c.createdAt.toISOString(),
    last_login_at: c.lastLoginAt?.toISOString() ?? null,
    organizations: c.memberships.map((m) => ({ id: m.organization.id, name: m.organization.name, role: m.role })),
  };
}
