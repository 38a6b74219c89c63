import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { presentCaregiver } from "./present-caregiver";
import { updateProfileInput } from "./schemas";

export async function getMyProfile(actor: Actor) {
  return presentCaregiver(db, requireCaregiver(actor).caregiverId);
}

export async function updateMyProfile(actor: Actor, input: z.infer<typeof updateProfileInput>) {
  const me = requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    await tx.caregiver.update({
      where: { id: me.caregiverId },
      data: {
        ...(input.first_name !== undefined && { firstName: input.first_name }),
        ...(input.last_name !== undefined && { lastName: input.last_name }),
        ...(input.phone_number !== undefined && { phoneNumber: input.phone_number }),
        ...(input.timezone !== undefined && { timezone: input.timezone }),
        ...(input.language !== undefined && { language: input.language }),
      },
    });
    await recordAudit(tx, actor, {
      action: "caregiver.profile_updated",
      targetType: "caregiver",
      targetId: me.caregiverId,
      metadata: { fields: Object.keys(input) },
    });
    return presentCaregiver(tx, me.caregiverId);
  });
}
