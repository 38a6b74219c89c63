"use server";

import { createOrganization } from "@/lib/orgs/organizations";
import { createOrganizationInput } from "@/lib/orgs/schemas";
import { formAction } from "@/app/_server/action";
import { rememberOrganization } from "@/app/_server/current-organization";

/** Create an organization, owned by me, and work in it from now on. */
export const createOrganizationAction = formAction({
  fields: ["name"],
  schema: createOrganizationInput,
  required: { name: "Give the organization a name." },
  run: async (data, { actor, now }) => {
    const org = await createOrganization(actor, data, now);
    await rememberOrganization(org.id);
    return org;
  },
  revalidate: () => "/",
  done: () => "/settings/organization?done=created",
});
