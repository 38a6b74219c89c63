import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ACCEPTED_ZONES } from "@/lib/time-zones/zone-list";
import { getMyProfile } from "@/lib/caregivers/profile";
import { signedInPage } from "@/app/_server/page";
import { Card } from "@/components/ui/card";
import { ProfileForm } from "@/components/settings/profile-form";
import { LanguageForm } from "@/components/settings/language-form";
import { SectionHeading } from "@/components/settings/section-heading";
import { updateLanguageAction, updateProfileAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.profile"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default signedInPage(async function ProfileSettingsPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const me = await getMyProfile(actor);
  const t = await getTranslations("settings");
  const zones = [...ACCEPTED_ZONES];
  // a zone saved before the list knew it (or UTC) is still offered, so saving the form never changes it silently
  const allZones = zones.includes(me.timezone) ? zones : [me.timezone, ...zones];
  return (
    <>
      <SectionHeading
        title={t("profile.heading")}
        intro={t("profile.intro")}
        saved={sp.saved !== undefined ? t("profile.saved") : sp.language !== undefined ? t("language.saved") : undefined}
      />
      <Card>
        <p className="mb-6 text-stone-700">
          {t.rich("profile.signedInWith", { email: me.email, strong: (chunks) => <span className="font-semibold text-stone-900">{chunks}</span> })}
        </p>
        <ProfileForm
          key={String(sp.saved ?? "")}
          action={updateProfileAction}
          zones={allZones}
          saved={{ first_name: me.first_name, last_name: me.last_name, phone_number: me.phone_number ?? "", timezone: me.timezone }}
        />
      </Card>
      <section aria-labelledby="language-heading" className="space-y-3">
        <h2 id="language-heading" className="text-2xl font-semibold">
          {t("language.heading")}
        </h2>
        <Card>
          <LanguageForm key={me.language} action={updateLanguageAction} saved={me.language} />
        </Card>
      </section>
    </>
  );
});
