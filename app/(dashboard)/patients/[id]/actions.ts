"use server";

import { getPatient } from "@/lib/patients/get-patient";
import { updatePatient } from "@/lib/patients/update-patient";
import { pauseMonitoringInput, updatePatientInput } from "@/lib/patients/schemas";
import { PROFILE_FIELDS, profileInputFromForm, withSavedContext } from "@/lib/patients/profile-form";
import { pauseMonitoring, resumeMonitoring } from "@/lib/patients/monitoring-pause";
import { recordCaregiverContact } from "@/lib/activity/record-caregiver-contact";
import { spokeWithInput } from "@/lib/activity/schemas";
import { addCareTeamMember, removeCareTeamMember } from "@/lib/care-team/care-team";
import { addCareTeamMemberInput } from "@/lib/care-team/schemas";
import { revokeDevice } from "@/lib/devices/devices";
import { createPairingCode } from "@/lib/devices/create-pairing-code";
import { NotFound } from "@/lib/api/errors";
import { textOrNull } from "@/lib/dashboard/form-input";
import type { PairingState } from "@/components/devices/pairing-panel";
import { recordConsent } from "@/lib/consents/consents";
import { recordConsentInput } from "@/lib/consents/schemas";
import { buttonAction, formAction } from "@/app/_server/action";

const overview = (patientId: string, ok: string) => `/patients/${patientId}?ok=${ok}`;
/** The patient's header (their layout) shows the name, the photo and the pause: render it again, not only the page. */
const header = ({ bound }: { bound: { patientId: string } }) => `/patients/${bound.patientId}`;

/**
 * Edit the whole profile through the API's update schema (PATCH semantics): the form's parts of the personal
 * context are written over the saved one, so keys the form does not show (set through the API) stay.
 */
export const updateProfileAction = formAction({
  bound: ["patientId"],
  fields: PROFILE_FIELDS,
  schema: updatePatientInput,
  input: (v, _form, problems) => profileInputFromForm(v, problems),
  run: async (data, { actor, now, bound }) => {
    const saved = await getPatient(actor, bound.patientId, now);
    const personal_context = withSavedContext(saved.personal_context, data.personal_context ?? {});
    return updatePatient(actor, bound.patientId, updatePatientInput.parse({ ...data, personal_context }), now);
  },
  revalidate: header,
  done: (_, { bound }) => overview(bound.patientId, "profile"),
});

/** Add an existing caregiver by email, with a standing. */
export const addCareTeamMemberAction = formAction({
  bound: ["patientId"],
  fields: ["email", "standing"],
  schema: addCareTeamMemberInput,
  input: (v) => ({ email: v.email, standing: v.standing || undefined }),
  run: (data, { actor, now, bound }) => addCareTeamMember(actor, bound.patientId, data, now),
  // an unknown email or someone already on the team belongs next to the email box
  fieldFor: (err) => (err instanceof NotFound || err.extra.code === "already_on_team" ? "email" : undefined),
  // someone not yet in the organization is sent an invitation naming the patient (issue 14)
  done: (r, { bound }) => `${overview(bound.patientId, r.added ? "member-added" : "member-invited")}#care-team`,
});

export const removeCareTeamMemberAction = buttonAction({
  bound: ["patientId"],
  ids: { caregiver_id: "Caregiver" },
  confirm: true,
  run: ({ caregiver_id }, { actor, bound }) => removeCareTeamMember(actor, bound.patientId, caregiver_id),
  done: (_, { bound }) => `${overview(bound.patientId, "member-removed")}#care-team`,
});

export const revokeDeviceAction = buttonAction({
  bound: ["patientId"],
  ids: { device_id: "Device" },
  confirm: true,
  run: ({ device_id }, { actor, now }) => revokeDevice(actor, device_id, now),
  done: (_, { bound }) => `${overview(bound.patientId, "device-revoked")}#devices`,
});

/** A new one-time pairing code (voids older unused ones); shown once, so it comes back as state, not a redirect. */
export const createPairingCodeAction = buttonAction({
  bound: ["patientId"],
  run: (_, { actor, now, bound }) => createPairingCode(actor, bound.patientId, now),
  answer: (c, next): PairingState => ({ ...next, code: { setup_token: c.setup_token, expires_at: c.expires_at, qr_svg: c.qr_svg } }),
});

/** "I spoke to …": a sign of life recorded by the caregiver (ends an open inactivity episode). */
export const spokeWithAction = formAction({
  bound: ["patientId"],
  fields: ["note"],
  schema: spokeWithInput,
  input: (v) => ({ note: textOrNull(v.note) }),
  run: (data, { actor, now, bound }) => recordCaregiverContact(actor, bound.patientId, data, now),
  done: (_, { bound }) => `${overview(bound.patientId, "spoke-with")}#monitoring`,
});

/** Pause inactivity and phone-offline monitoring until a day (the API's schema and rules). */
export const pauseMonitoringAction = formAction({
  bound: ["patientId"],
  fields: ["until", "reason"],
  schema: pauseMonitoringInput,
  input: (v) => ({ until: v.until, reason: textOrNull(v.reason) }),
  run: (data, { actor, now, bound }) => pauseMonitoring(actor, bound.patientId, data, now),
  revalidate: header,
  done: (_, { bound }) => `${overview(bound.patientId, "paused")}#monitoring`,
});

export const resumeMonitoringAction = buttonAction({
  bound: ["patientId"],
  run: (_, { actor, now, bound }) => resumeMonitoring(actor, bound.patientId, now),
  revalidate: header,
  done: (_, { bound }) => `${overview(bound.patientId, "resumed")}#monitoring`,
});

/** A consent or refusal recorded from the Overview, through the API's schema and domain function (audited there). */
export const recordConsentAction = formAction({
  bound: ["patientId"],
  fields: ["kind", "granted", "given_by", "note"],
  schema: recordConsentInput,
  input: (v) => ({
    kind: v.kind,
    granted: v.granted === "true" ? true : v.granted === "false" ? false : v.granted,
    given_by: v.given_by,
    note: textOrNull(v.note),
  }),
  run: (data, { actor, now, bound }) => recordConsent(actor, bound.patientId, data, now),
  done: (_, { bound }) => `${overview(bound.patientId, "consent")}#consent`,
});
