import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Conflict, ValidationFailed } from "@/lib/api/errors";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { enforceIpRateLimit } from "@/lib/auth/rate-limit";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { presentCaregiver } from "./present-caregiver";
import { registerInput } from "./schemas";

/**
 * Sign-up: a caregiver and their own organization, of which they are the owner. Their language is the one they
 * chose, else `browserLocale` (the browser's Accept-Language, negotiated by the caller), else English.
 */
export async function registerCaregiver(input: z.infer<typeof registerInput>, ip: string | null, now: Date, browserLocale: Locale = DEFAULT_LOCALE) {
  await enforceIpRateLimit("register", ip, 10, 3600, now, "Too many sign-ups from this address. Try again later.");
  const problem = passwordProblem(input.password, [input.email, input.first_name, input.last_name]);
  if (problem) throw new ValidationFailed([{ field: "password", message: problem }]);
  const existing = await db.caregiver.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new Conflict("An account with this email already exists. Sign in instead.", "email_taken");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const caregiver = await tx.caregiver.create({
      data: {
        email: input.email,
        passwordHash,
        firstName: input.first_name,
        lastName: input.last_name,
        phoneNumber: input.phone_number ?? null,
        timezone: input.timezone ?? "UTC",
        language: input.language ?? browserLocale,
        createdAt: now,
        passwordChangedAt: now,
      },
    });
    const org = await tx.organization.create({
      data: { name: input.organization_name ?? `${input.first_name} ${input.last_name}'s care circle`, createdAt: now },
    });
    await tx.membership.create({ data: { organizationId: org.id, caregiverId: caregiver.id, role: "owner", createdAt: now } });
    const actor = { kind: "caregiver" as const, caregiverId: caregiver.id, via: "session" as const };
    await recordAudit(tx, actor, { action: "caregiver.registered", targetType: "caregiver", targetId: caregiver.id, organizationId: org.id });
    return presentCaregiver(tx, caregiver.id);
  });
}
