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
import { Conflict, NotFound, ValidationFailed } from "@/lib/api/errors";
import { textOrNull } from "@/lib/dashboard/form-input";
import type { PairingState } from "@/components/devices/pairing-panel";
import { recordConsent } from "@/lib/consents/consents";
import { recordConsentInput } from "@/lib/consents/schemas";
import { requestTransfer } from "@/lib/transfers/transfers";
import { requestTransferInput } from "@/lib/transfers/schemas";
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

/**
 * Ask to move the patient to another facility or organization (an admin of the source). The destination is one
 * of my organizations or facilities from the select ("orgId" or "orgId/facilityId"), or an organization's id typed
 * in (with an optional facility id). An open critical alert must be confirmed when the domain asks.
 */
export const requestTransferAction = formAction({
  bound: ["patientId"],
  fields: ["destination", "other_organization_id", "other_facility_id", "note"],
  schema: requestTransferInput,
  echo: (form) => ({ confirm_open_critical: form.get("confirm_open_critical") === "yes" ? "yes" : "" }),
  input: (v, form, problems) => {
    const [org, facility] = v.other_organization_id ? [v.other_organization_id, v.other_facility_id] : v.destination.split("/");
    if (!org) problems.push({ field: "destination", message: "Choose where the patient goes, or enter the id of the organization." });
    return {
      to_organization_id: org || undefined,
      ...(facility ? { to_facility_id: facility } : {}),
      ...(v.note ? { note: v.note } : {}),
      confirm_open_critical: form.get("confirm_open_critical") === "yes",
    };
  },
  run: (data, { actor, now, bound }) =>
    requestTransfer(actor, bound.patientId, data, now).catch((err: unknown) => {
      // the API's sentences name its fields; the form says it in its own words, next to the box
      if (err instanceof Conflict && err.extra.code === "open_critical_alert")
        throw new ValidationFailed([
          { field: "confirm_open_critical", message: "This patient has an open critical alert. Resolve it first, or tick the box to transfer anyway." },
        ]);
      if (err instanceof NotFound && err.message.startsWith("Organization"))
        throw new ValidationFailed([{ field: "to_organization_id", message: "No organization has this id." }]);
      throw err;
    }),
  done: (_, { bound }) => `${overview(bound.patientId, "transfer-requested")}#transfer`,
});
