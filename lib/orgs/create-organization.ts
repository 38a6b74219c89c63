import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { requireCaregiver, requireScope } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { createOrganizationInput } from "./schemas";

/**
 * A caregiver creates another organization (issue 14 §2) and becomes its owner; the database gives it its
 * default facility. The audit row is the new organization's first.
 */
export async function createOrganization(actor: Actor, input: z.infer<typeof createOrganizationInput>, now: Date) {
  const me = requireCaregiver(actor);
  requireScope(actor, "write");
  return db.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { name: input.name, createdAt: now } });
    await tx.membership.create({ data: { organizationId: org.id, caregiverId: me.caregiverId, role: "owner", createdAt: now } });
    await recordAudit(tx, actor, { action: "organization.created", targetType: "organization", targetId: org.id, organizationId: org.id });
    return { id: org.id, name: org.name, role: "owner" as const, created_at: org.createdAt.toISOString() };
  });
}
