"use server";

import { randomUUID } from "node:crypto";
import { deleteOrganizationInput, transferOwnershipInput } from "@/lib/orgs/schemas";
import { deleteOrganization, leaveOrganization, transferOwnership } from "@/lib/orgs/lifecycle";
import { buttonAction, formAction, idIn } from "@/app/_server/action";

const orgOf = (form: FormData) => idIn(form.get("organization_id"), "Organization");

export const transferOwnershipAction = formAction({
  fields: ["caregiver_id"],
  schema: transferOwnershipInput,
  input: (v, form) => ({ caregiver_id: v.caregiver_id, step_down: form.get("step_down") === "yes" }),
  run: (data, { actor, form }) => transferOwnership(actor, orgOf(form), data),
  fieldFor: () => "caregiver_id",
  done: () => `/settings/organization/ownership?done=transferred&n=${randomUUID().slice(0, 8)}`,
});

/** Leaving: the organization is no longer the current one, so the header's switcher is drawn again. */
export const leaveOrganizationAction = buttonAction({
  ids: { organization_id: "Organization" },
  confirm: true,
  run: ({ organization_id }, { actor }) => leaveOrganization(actor, organization_id),
  revalidate: () => "/",
  done: () => "/settings/organization?done=left",
});

export const deleteOrganizationAction = formAction({
  fields: ["confirm_name"],
  schema: deleteOrganizationInput,
  required: { confirm_name: "Type the organization's name to confirm." },
  run: (data, { actor, now, form }) => deleteOrganization(actor, orgOf(form), data, now),
  revalidate: () => "/",
  done: () => "/settings/organization?done=deleted",
});
