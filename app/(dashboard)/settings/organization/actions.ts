"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { clock } from "@/lib/clock";
import { Conflict, NotFound } from "@/lib/api/errors";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { addMember, removeMember, updateMember } from "@/lib/orgs/organizations";
import { addMemberInput, organizationSettings, updateMemberInput } from "@/lib/orgs/schemas";
import { updateOrganizationSettings } from "@/lib/orgs/settings";
import { resetMemberTwoFactor } from "@/lib/auth/two-factor/reset";
import { SETTINGS_FIELDS, settingsFromForm } from "@/lib/orgs/settings-form";
import { uuid } from "@/lib/validation/common";
import { failedForm, invalidForm } from "@/lib/dashboard/action-errors";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { withRequestContext } from "@/lib/dashboard/request";
import { idFrom } from "@/lib/dashboard/form-input";

const back = (orgId: string, done: string) => `/settings/organization?org=${orgId}&done=${done}&n=${randomUUID().slice(0, 8)}`;

/** The organization the form is about: a UUID, or the form was not one of ours. */
function orgOf(form: FormData): string {
  const r = uuid.safeParse(form.get("organization_id"));
  if (!r.success) redirect("/settings/organization");
  return r.data;
}

export async function addMemberAction(prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requireCaregiverPage();
  const orgId = orgOf(form);
  const values = readFields(form, ["email", "role"]);
  const parsed = addMemberInput.safeParse(values);
  if (!parsed.success) return invalidForm(prev, parsed.error, values);
  try {
    await withRequestContext(() => addMember(actor, orgId, parsed.data, clock.now()));
  } catch (err) {
    const state = failedForm(prev, err, values, (e) => (e instanceof NotFound || e instanceof Conflict ? "email" : undefined));
    if (err instanceof NotFound && state.fieldErrors.email)
      state.fieldErrors.email = "No Elda account uses this email. Ask them to sign up first, then add them.";
    return state;
  }
  redirect(back(orgId, "added"));
}

export async function changeRoleAction(prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requireCaregiverPage();
  const orgId = orgOf(form);
  const values = readFields(form, ["caregiver_id", "role"]);
  const parsed = updateMemberInput.safeParse({ role: values.role });
  if (!parsed.success) return invalidForm(prev, parsed.error, values);
  try {
    await withRequestContext(() => updateMember(actor, orgId, idFrom(values.caregiver_id, "Member"), parsed.data));
  } catch (err) {
    // "last owner" and "only an owner can..." belong next to the role
    return failedForm(prev, err, values, () => "role");
  }
  redirect(back(orgId, "role"));
}

export async function removeMemberAction(prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requireCaregiverPage();
  const orgId = orgOf(form);
  const values = readFields(form, ["caregiver_id"]);
  try {
    await withRequestContext(() => removeMember(actor, orgId, idFrom(values.caregiver_id, "Member")));
  } catch (err) {
    return failedForm(prev, err, values);
  }
  redirect(back(orgId, "removed"));
}

export async function resetTwoFactorAction(prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requireCaregiverPage();
  const orgId = orgOf(form);
  const values = readFields(form, ["caregiver_id"]);
  try {
    await withRequestContext(() => resetMemberTwoFactor(actor, orgId, idFrom(values.caregiver_id, "Member")));
  } catch (err) {
    return failedForm(prev, err, values);
  }
  redirect(back(orgId, "two_factor_reset"));
}

export async function updateSettingsAction(prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requireCaregiverPage();
  const orgId = orgOf(form);
  const values = readFields(form, SETTINGS_FIELDS);
  // the API's schema for the whole document; the domain adds the rules across fields
  const parsed = organizationSettings.safeParse(settingsFromForm(values));
  if (!parsed.success) return invalidForm(prev, parsed.error, values);
  try {
    await withRequestContext(() => updateOrganizationSettings(actor, orgId, parsed.data));
  } catch (err) {
    return failedForm(prev, err, values);
  }
  redirect(back(orgId, "settings"));
}
