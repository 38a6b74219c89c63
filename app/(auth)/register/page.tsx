import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentCaregiver } from "@/app/_server/session";
import { Card } from "@/components/ui/card";
import { RegisterForm } from "@/components/auth/register-form";
import { registerAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.register"))("title") };
}

export default async function RegisterPage() {
  if (await currentCaregiver()) redirect("/patients");
  const [t, locale] = await Promise.all([getTranslations("auth.register"), getLocale()]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{t("heading")}</h1>
      <p className="text-stone-700">{t("lead")}</p>
      <Card>
        <RegisterForm action={registerAction} language={locale} />
      </Card>
      <p className="text-center">
        {t("haveAccount")}{" "}
        <Link href="/login" className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
