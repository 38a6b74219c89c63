import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Notification settings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default signedInPage(async function NotificationSettingsPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const [prefs, me, browsers] = await Promise.all([getPreferences(actor), getMyProfile(actor), listPushSubscriptions(actor)]);
  return (
    <>
      <SectionHeading
        title="Notifications"
        intro={
          <>
            How and when Elda tells you about alerts. Times are in your time zone, <span className="font-semibold">{me.timezone.replaceAll("_", " ")}</span>.
          </>
        }
        saved={sp.saved !== undefined ? "Your notification settings have been saved." : undefined}
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
