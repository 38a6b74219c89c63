import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { SectionHeading } from "./section-heading";

/** What the organization pages say to a caregiver in no organization (after leaving or deleting the last one, saying so). */
export function NoOrganization({ saved }: { saved?: string }) {
  const t = useTranslations("settings");
  return (
    <>
      <SectionHeading title={t("sections.organization")} intro={t("noOrganization.intro")} saved={saved} />
      <Card>
        <p className="text-xl font-semibold">{t("noOrganization.none")}</p>
        <p className="mt-2 text-stone-700">
          {t.rich("noOrganization.body", {
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
