"use server";

import { randomUUID } from "node:crypto";
import { createFacility, deleteFacility, updateFacility } from "@/lib/orgs/facilities";
import { createFacilityInput, updateFacilityInput } from "@/lib/orgs/schemas";
import { buttonAction, formAction, idIn } from "@/app/_server/action";

const back = (done: string) => `/settings/organization/facilities?done=${done}&n=${randomUUID().slice(0, 8)}`;
/** The organization the form is about (a hidden field; the domain checks the caregiver's role in it). */
const orgOf = (form: FormData) => idIn(form.get("organization_id"), "Organization");
/** An empty address field is "no address". */
const withAddress = (v: Record<string, string>) => ({ name: v.name, address: v.address || null });

export const addFacilityAction = formAction({
  fields: ["name", "address"],
  schema: createFacilityInput,
  input: withAddress,
  required: { name: "Give the facility a name." },
  run: (data, { actor, now, form }) => createFacility(actor, orgOf(form), data, now),
  done: () => back("added"),
});

export const renameFacilityAction = formAction({
  fields: ["name", "address"],
  schema: updateFacilityInput,
  input: withAddress,
  required: { name: "Give the facility a name." },
  run: (data, { actor, form }) => updateFacility(actor, orgOf(form), idIn(form.get("facility_id"), "Facility"), data),
  done: () => back("renamed"),
});

export const makeDefaultAction = buttonAction({
  ids: { organization_id: "Organization", facility_id: "Facility" },
  run: ({ organization_id, facility_id }, { actor }) => updateFacility(actor, organization_id, facility_id, { is_default: true }),
  done: () => back("default"),
});

export const deleteFacilityAction = buttonAction({
  ids: { organization_id: "Organization", facility_id: "Facility" },
  confirm: true,
  run: ({ organization_id, facility_id }, { actor }) => deleteFacility(actor, organization_id, facility_id),
  done: () => back("deleted"),
});
