"use server";

import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { Conflict, NotFound, ValidationFailed } from "@/lib/api/errors";
import { addMember, removeMember, updateMember } from "@/lib/orgs/organizations";
import { addMemberInput, organizationSettings, updateMemberInput } from "@/lib/orgs/schemas";
import { updateOrganizationSettings } from "@/lib/orgs/settings";
import { resetMemberTwoFactor } from "@/lib/auth/two-factor/reset";
import { SETTINGS_FIELDS, settingsFromForm } from "@/lib/orgs/settings-form";
import { buttonAction, formAction, idIn } from "@/app/_server/action";

const back = (done: string) => `/settings/organization?done=${done}&n=${randomUUID().slice(0, 8)}`;

/** The organization the form is about (a hidden field; the domain checks the caregiver's role in it). */
const orgOf = (form: FormData) => idIn(form.get("organization_id"), "Organization");

export const addMemberAction = formAction({
  fields: ["email", "role"],
  schema: addMemberInput,
  run: (data, { actor, now, form }) =>
    addMember(actor, orgOf(form), data, now).catch(async (err: unknown) => {
      // in the caregiver's language already (a sentence the validation catalogue does not know shows as written)
      if (err instanceof NotFound && err.message.includes("email"))
        throw new ValidationFailed([{ field: "email", message: (await getTranslations("organization.members"))("noAccount") }]);
      throw err;
    }),
  fieldFor: (e) => (e instanceof Conflict ? "email" : undefined),
  done: () => back("added"),
});

export const changeRoleAction = formAction({
  fields: ["caregiver_id", "role"],
  schema: updateMemberInput,
  // an admin's ticked facilities (none: the whole organization); other roles list none
  input: (v, form) => (v.role === "admin" ? { role: v.role, facility_ids: form.getAll("facility_ids").map(String) } : { role: v.role }),
  run: (data, { actor, form }) => updateMember(actor, orgOf(form), idIn(form.get("caregiver_id"), "Member"), data),
  // "last owner" and "only an owner can..." belong next to the role
  fieldFor: () => "role",
  done: () => back("role"),
});

export const removeMemberAction = buttonAction({
  ids: { caregiver_id: "Member", organization_id: "Organization" },
  confirm: true,
  run: ({ caregiver_id, organization_id }, { actor }) => removeMember(actor, organization_id, caregiver_id),
  done: () => back("removed"),
});

/** The API's schema for the whole document; the domain adds the rules across fields. */
export const updateSettingsAction = formAction({
  fields: SETTINGS_FIELDS,
  schema: organizationSettings,
  input: (v) => settingsFromForm(v),
  run: (data, { actor, form }) => updateOrganizationSettings(actor, orgOf(form), data),
  done: () => back("settings"),
});

/** An owner or admin resets a member's two-factor sign-in (a lost phone); audited. */
export const resetTwoFactorAction = buttonAction({
  ids: { caregiver_id: "Member", organization_id: "Organization" },
  run: ({ caregiver_id, organization_id }, { actor }) => resetMemberTwoFactor(actor, organization_id, caregiver_id),
  done: () => back("two_factor_reset"),
});
