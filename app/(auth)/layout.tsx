import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageChoice } from "@/components/auth/language-choice";
import { chooseLanguageAction } from "./language-action";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("auth");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-6 pt-8 sm:pt-12">
        <div className="mx-auto flex max-w-lg flex-wrap items-center justify-between gap-4">
          <Link href="/" className="inline-flex items-center gap-3 text-2xl font-bold tracking-tight text-teal-900">
            <ElMark />
            Elda
          </Link>
          <LanguageChoice action={chooseLanguageAction} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 px-6 py-8 outline-none sm:py-10">
        <div className="mx-auto max-w-lg">{children}</div>
      </main>
      <footer className="px-6 pb-8 text-center text-base text-stone-600">{t("tagline")}</footer>
    </div>
  );
}

function ElMark() {
  return (
    <span aria-hidden="true" className="grid size-10 place-items-center rounded-xl bg-teal-700 text-xl font-bold text-white">
      E
    </span>
  );
}
