import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";

export default function AlertNotFound() {
  const t = useTranslations("errors.alertNotFound");
  return (
    <div className="mx-auto max-w-2xl space-y-4 py-8 text-center">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
      <p className="text-stone-700">{t("text")}</p>
      <p className="pt-4">
        <ButtonLink href="/alerts">{t("back")}</ButtonLink>
      </p>
    </div>
  );
}
