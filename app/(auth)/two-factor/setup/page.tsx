import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { cookieSession, currentCaregiver } from "@/app/_server/session";
import { startEnrolment, twoFactorStatus } from "@/lib/auth/two-factor/enrolment";
import { withRequestContext } from "@/app/_server/request-context";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { TwoFactorSetup } from "@/components/settings/two-factor-setup";
import { confirmTwoFactorAction } from "./actions";
import { signOutAction } from "@/app/(dashboard)/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.twoFactor"))("title") };
}

/**
 * Enrolment, outside the dashboard's layout: a member whose organization requires two-factor sign-in is
 * sent here before anything else (app/_server/session.ts), and Settings, Security links here.
 */
export default async function TwoFactorSetupPage() {
  const actor = await currentCaregiver();
  if (!actor) redirect("/login");
  const { state } = await cookieSession();
  const status = await withRequestContext(() => twoFactorStatus(actor));
  if (status.enabled) redirect("/settings/security");
  const { secret, qrSvg } = await withRequestContext(() => startEnrolment(actor));
  const t = await getTranslations("auth.twoFactor");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t("title")}</h1>
      {state?.mustEnrolTwoFactor && (
        <Notice tone="info" role="status" title={t("required")}>
          {t("requiredBody")}
        </Notice>
      )}
      <p className="text-stone-700">{t("explain")}</p>
      <Card>
        <TwoFactorSetup action={confirmTwoFactorAction} qrSvg={qrSvg} secret={secret} />
      </Card>
      <form action={signOutAction} className="text-center">
        <button type="submit" className="min-h-12 font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
          {t("notNow")}
        </button>
      </form>
    </div>
  );
}
