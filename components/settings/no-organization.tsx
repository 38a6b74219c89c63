import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { SectionHeading } from "./section-heading";

/** What the organization pages say to a caregiver in no organization (after leaving or deleting the last one, saying so). */
export async function NoOrganization({ saved }: { saved?: string }) {
  const t = await getTranslations("organization.none");
  return (
    <>
      <SectionHeading title={t("title")} intro={t("intro")} saved={saved} />
      <Card>
        <p className="text-xl font-semibold">{t("notMember")}</p>
        <p className="mt-2 text-stone-700">
          {t.rich("askOrCreate", {
            link: (chunks) => (
              <Link href="/settings/organization/new" className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </Card>
    </>
  );
}
