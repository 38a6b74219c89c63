import { z } from "zod";
import { email, uuid } from "@/lib/validation/common";

export const standing = z.enum(["primary", "secondary", "viewer"]);
export const addCareTeamMemberInput = z.strictObject({
  email,
  standing: standing.default("secondary"),
  contact_order: z.number().int().min(1).max(100).optional(),
});
export const updateCareTeamMemberInput = z
  .strictObject({ standing: standing.optional(), contact_order: z.number().int().min(1).max(100).optional() })
  .refine((v) => v.standing !== undefined || v.contact_order !== undefined, { message: "Send standing or contact_order." });
export const careTeamMemberParams = z.strictObject({ id: uuid, caregiverId: uuid });

export const careTeamMemberOutput = z.object({
  caregiver_id: z.uuid(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  phone_number: z.string().nullable(),
  standing,
  contact_order: z.number(),
  added_at: z.string(),
});
export const careTeamOutput = z.object({ items: z.array(careTeamMemberOutput) });
