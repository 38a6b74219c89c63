import type { Metadata } from "next";
import { signedInPage } from "@/app/_server/page";
import { Card } from "@/components/ui/card";
import { SimpleForm } from "@/components/forms/simple-form";
import { SectionHeading } from "@/components/settings/section-heading";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { createOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "New organization" };

export default signedInPage(async function NewOrganizationPage() {
  return (
    <>
      <SectionHeading
        title="New organization"
        intro="Another household or care service, with its own patients, members, facilities and settings. You will be its owner; the header switches between your organizations."
      />
      <OrganizationTabs current="new" />
      <Card>
        <SimpleForm
          action={createOrganizationAction}
          idPrefix="new-org"
          fields={[{ name: "name", label: "Name of the organization", hint: "For example “Sunrise Home Care” or “Mum’s care circle”." }]}
          submit="Create organization"
          pendingText="Creating…"
        />
      </Card>
    </>
  );
});
