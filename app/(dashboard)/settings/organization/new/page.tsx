import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { signedInPage } from "@/app/_server/page";
import { Card } from "@/components/ui/card";
import { SimpleForm } from "@/components/forms/simple-form";
import { SectionHeading } from "@/components/settings/section-heading";
import { OrganizationTabs } from "@/components/settings/organization-tabs";
import { createOrganizationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organization.new"))("metaTitle") };
}

export default signedInPage(async function NewOrganizationPage() {
  const t = await getTranslations("organization.new");
  return (
    <>
      <SectionHeading title={t("title")} intro={t("intro")} />
      <OrganizationTabs current="new" />
      <Card>
        <SimpleForm
          action={createOrganizationAction}
          idPrefix="new-org"
          fields={[{ name: "name", label: t("name"), hint: t("nameHint") }]}
          submit={t("submit")}
          pendingText={t("creating")}
        />
      </Card>
    </>
  );
});
