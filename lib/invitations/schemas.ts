import { z } from "zod";
import { e164, email, timezone, trimmed, uuid } from "@/lib/validation/common";
import { standing } from "@/lib/care-team/schemas";

/** An invitation names one address: an email or a mobile number (E.164). */
export const createInvitationInput = z
  .strictObject({
    email: email.optional(),
    phone_number: e164.optional(),
    /** member (default) or admin; only owners and admins of the whole organization invite admins */
    role: z.enum(["member", "admin"]).default("member"),
    /** put them on this patient's care team once they accept */
    patient_id: uuid.optional(),
    standing: standing.optional(),
  })
  .refine((v) => (v.email === undefined) !== (v.phone_number === undefined), { message: "Send an email or a phone_number (one of them).", path: ["email"] })
  .refine((v) => v.standing === undefined || v.patient_id !== undefined, { message: "A standing needs a patient_id.", path: ["standing"] });
export type CreateInvitationInput = z.infer<typeof createInvitationInput>;

export const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;
const person = z.object({ caregiver_id: z.uuid(), name: z.string() }).nullable();
export const invitationOutput = z.object({
  id: z.uuid(),
  organization_id: z.uuid(),
  channel: z.enum(["email", "sms"]),
  email: z.string().nullable(),
  phone_number: z.string().nullable(),
  role: z.enum(["owner", "admin", "member"]),
  patient_id: z.uuid().nullable(),
  standing: standing.nullable(),
  status: z.enum(INVITATION_STATUSES),
  invited_by: person,
  accepted_by: person,
  expires_at: z.string(),
  sent_at: z.string(),
  send_count: z.number().int(),
  accepted_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  created_at: z.string(),
});
export const invitationListOutput = z.object({ items: z.array(invitationOutput) });
export const invitationParams = z.strictObject({ id: uuid });
export const listInvitationsQuery = z.strictObject({ status: z.enum(INVITATION_STATUSES).optional() });

const password = z.string().min(1, { message: "Required." }).max(256);
/**
 * Accepting: signed in already (a session or a bearer token), or sign in (an existing account) or sign up (a
 * new one) in the same request. An email invitation's address is the new account's; an SMS one needs an email.
 */
export const acceptInvitationInput = z
  .strictObject({
    token: z.string().min(20).max(200),
    sign_in: z.strictObject({ email, password }).optional(),
    sign_up: z
      .strictObject({
        first_name: trimmed(100),
        last_name: trimmed(100),
        email: email.optional(),
        password,
        phone_number: e164.nullable().optional(),
        timezone: timezone.optional(),
      })
      .optional(),
  })
  .refine((v) => !(v.sign_in && v.sign_up), { message: "Send sign_in or sign_up, not both.", path: ["sign_up"] });
export const acceptInvitationOutput = z.object({
  organization_id: z.uuid(),
  organization_name: z.string(),
  caregiver_id: z.uuid(),
  role: z.enum(["owner", "admin", "member"]),
  patient_id: z.uuid().nullable(),
  standing: standing.nullable(),
  /** when the request signed in or signed up: tokens for the API client (like POST /api/v1/auth/login) */
  access_token: z.string().optional(),
  refresh_token: z.string().optional(),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
});
