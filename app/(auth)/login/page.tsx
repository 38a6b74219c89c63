import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentCaregiver } from "@/app/_server/session";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { LoginForm } from "@/components/auth/login-form";
import { signInAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentCaregiver()) redirect("/patients");
  const sp = await searchParams;
  const t = await getTranslations("auth.login");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t("title")}</h1>
      <p className="text-stone-700">{t("lead")}</p>
      {sp.signed_out !== undefined && <Notice tone="success" role="status" title={t("signedOut")} />}
      {sp.timed_out !== undefined && (
        <Notice tone="info" role="status" title={t("timedOut")}>
          {t("timedOutBody")}
        </Notice>
      )}
      {sp.registered !== undefined && <Notice tone="info" role="status" title={t("registered")} />}
      <Card>
        <LoginForm action={signInAction} />
      </Card>
      <p className="text-center">
        {t("newToElda")}{" "}
        <Link href="/register" className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
          {t("createAccount")}
        </Link>
      </p>
    </div>
  );
}
