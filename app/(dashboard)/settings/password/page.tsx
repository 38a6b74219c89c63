import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { signedInPage } from "@/app/_server/page";
import { Card } from "@/components/ui/card";
import { PasswordForm } from "@/components/settings/password-form";
import { SectionHeading } from "@/components/settings/section-heading";
import { changePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.password"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default signedInPage(async function PasswordSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const t = await getTranslations("settings.password");
  const ended = Number(sp.changed);
  const saved =
    sp.changed === undefined ? undefined : `${t("changed")} ${Number.isInteger(ended) && ended > 0 ? t("othersEnded", { count: ended }) : t("stayHere")}`;
  return (
    <>
      <SectionHeading title={t("heading")} intro={t("intro")} saved={saved} />
      <Card>
        <PasswordForm
          key={String(sp.changed ?? "")}
          action={changePasswordAction}
          minLength={MIN_PASSWORD_LENGTH}
          rule={t("rule", { min: MIN_PASSWORD_LENGTH })}
        />
      </Card>
    </>
  );
});
