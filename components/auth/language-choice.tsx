import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/lib/i18n/locales";

/** English | Español on the signed-out pages: a form of two buttons, so it works without JavaScript. */
export async function LanguageChoice({ action }: { action: (form: FormData) => Promise<void> }) {
  const [locale, t, labels] = await Promise.all([getLocale(), getTranslations("auth.language"), getTranslations("labels.language")]);
  return (
    <form action={action} aria-label={t("label")} className="flex items-center justify-end gap-1 text-base">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className="min-h-11 rounded-md px-3 font-semibold text-teal-800 underline-offset-4 hover:underline aria-pressed:bg-teal-50 aria-pressed:text-stone-900 aria-pressed:no-underline"
        >
          {labels(l)}
        </button>
      ))}
    </form>
  );
}
