import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors"))("notFound.metaTitle") };
}

/** A page that does not exist, in the visitor's language (instead of Next's English default). */
export default async function NotFound() {
  const t = await getTranslations("errors.notFound");
  return (
    <main id="main" tabIndex={-1} className="min-h-dvh px-6 py-16 outline-none">
      <div className="mx-auto max-w-2xl space-y-4 py-8 text-center">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="text-stone-700">{t("text")}</p>
        <p className="pt-4">
          <ButtonLink href="/">{t("back")}</ButtonLink>
        </p>
      </div>
    </main>
  );
}
