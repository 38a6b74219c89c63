import type { Metadata } from "next";
import { getPreferences } from "@/lib/caregivers/preferences";
import { preferencesToForm } from "@/lib/caregivers/preferences-form";
import { getMyProfile } from "@/lib/caregivers/profile";
import { pageActor, withRequestContext } from "@/lib/dashboard/request";
import { Card } from "@/components/ui/card";
import { NotificationsForm } from "@/components/settings/notifications-form";
import { SectionHeading } from "@/components/settings/section-heading";
import { updatePreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Notification settings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NotificationSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor();
  const sp = await searchParams;
  const [prefs, me] = await withRequestContext(() => Promise.all([getPreferences(actor), getMyProfile(actor)]));
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
    </>
  );
}
