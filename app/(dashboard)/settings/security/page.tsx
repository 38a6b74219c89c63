import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { signedInPage } from "@/app/_server/page";
import { twoFactorStatus } from "@/lib/auth/two-factor/enrolment";
import { formatDate } from "@/lib/dashboard/format";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { SectionHeading } from "@/components/settings/section-heading";
import { DisableTwoFactorForm } from "@/components/settings/two-factor-disable-form";
import { disableTwoFactorAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor.security"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default signedInPage(async function SecuritySettingsPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const [status, t, locale] = await Promise.all([twoFactorStatus(actor), getTranslations("twoFactor.security"), getLocale()]);
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <>
      <SectionHeading title={t("heading")} intro={t("intro")} saved={sp.off !== undefined ? t("turnedOff") : undefined} />
      {status.enabled ? (
        <Card>
          <div className="space-y-6">
            <p className="text-lg">
              {status.enabledAt
                ? t.rich("onSince", { strong, date: formatDate(status.enabledAt, "UTC", locale), count: status.recoveryCodesLeft })
                : t.rich("on", { strong, count: status.recoveryCodesLeft })}
            </p>
            <h2 className="text-xl font-semibold">{t("turnOff")}</h2>
            <DisableTwoFactorForm action={disableTwoFactorAction} />
          </div>
        </Card>
      ) : (
        <Card>
          <div className="space-y-4">
            <p className="text-lg">{t("off")}</p>
            <ButtonLink href="/two-factor/setup">{t("setUp")}</ButtonLink>
          </div>
        </Card>
      )}
    </>
  );
});
