import { z } from "zod";
import { uuid } from "@/lib/validation/common";

export const TRANSFER_STATUSES = ["pending", "accepted", "declined", "expired", "withdrawn"] as const;

export const requestTransferInput = z.strictObject({
  to_organization_id: uuid,
  /** the destination facility; the destination's default facility when absent */
  to_facility_id: uuid.optional(),
  note: z.string().trim().max(1000).optional(),
  /** required when the patient has an open critical alert: the source admin has seen it */
  confirm_open_critical: z.boolean().default(false),
});
export const acceptTransferInput = z.strictObject({
  /** a member of the destination organization who becomes the patient's primary caregiver */
  primary_caregiver_id: uuid.optional(),
});
export const transferParams = z.strictObject({ id: uuid });
export const transferListQuery = z.strictObject({
  direction: z.enum(["in", "out"]).optional(),
  status: z.enum(TRANSFER_STATUSES).optional(),
});

const side = z.object({ organization_id: z.uuid(), organization_name: z.string(), facility_id: z.uuid().nullable(), facility_name: z.string().nullable() });
export const transferOutput = z.object({
  id: z.uuid(),
  patient_id: z.uuid(),
  patient_name: z.string(),
  from: side,
  to: side,
  status: z.enum(TRANSFER_STATUSES),
  note: z.string().nullable(),
  requested_by: z.object({ caregiver_id: z.uuid(), name: z.string() }).nullable(),
  /** who accepted or declined it (an admin of the destination), or withdrew it (an admin of the source) */
  decided_by: z.object({ caregiver_id: z.uuid(), name: z.string() }).nullable(),
  expires_at: z.string(),
  decided_at: z.string().nullable(),
  created_at: z.string(),
  /** on acceptance: care-team members who were not members of the destination (nor invited by it) and were removed */
  removed_from_care_team: z.array(z.uuid()).optional(),
});
export const transferListOutput = z.object({ items: z.array(transferOutput) });
