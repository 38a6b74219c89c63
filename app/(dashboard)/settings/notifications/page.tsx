import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getPreferences } from "@/lib/caregivers/preferences";
import { preferencesToForm } from "@/lib/caregivers/preferences-form";
import { getMyProfile } from "@/lib/caregivers/profile";
import { signedInPage } from "@/app/_server/page";
import { Card } from "@/components/ui/card";
import { NotificationsForm } from "@/components/settings/notifications-form";
import { SectionHeading } from "@/components/settings/section-heading";
import { BrowserNotifications } from "@/components/settings/browser-notifications";
import { listPushSubscriptions } from "@/lib/notifications/web-push-subscriptions";
import { updatePreferencesAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.notifications"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default signedInPage(async function NotificationSettingsPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const [prefs, me, browsers, t] = await Promise.all([
    getPreferences(actor),
    getMyProfile(actor),
    listPushSubscriptions(actor),
    getTranslations("settings.notifications"),
  ]);
  return (
    <>
      <SectionHeading
        title={t("heading")}
        intro={t.rich("intro", { zone: me.timezone.replaceAll("_", " "), strong: (chunks) => <span className="font-semibold">{chunks}</span> })}
        saved={sp.saved !== undefined ? t("saved") : undefined}
      />
      <Card>
        <NotificationsForm key={String(sp.saved ?? "")} action={updatePreferencesAction} saved={preferencesToForm(prefs)} />
      </Card>
      <Card>
        <BrowserNotifications
          vapidPublicKey={browsers.vapid_public_key}
          saved={browsers.items.map((b) => ({ id: b.id, endpoint: b.endpoint }))}
          pushTicked={prefs.notifications.push}
        />
      </Card>
    </>
  );
});
