import { getTranslations } from "next-intl/server";
import { SettingsNav } from "@/components/settings/settings-nav";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("settings");
  return (
    <div className="space-y-8">
      <div>
        <p className="text-base font-semibold uppercase tracking-wide text-teal-800">{t("nav.title")}</p>
      </div>
      <div className="grid gap-8 sm:grid-cols-[12rem_1fr]">
        <SettingsNav />
        <div className="min-w-0 space-y-6">{children}</div>
      </div>
    </div>
  );
}
