import type { Metadata } from "next";
import { ACCEPTED_ZONES } from "@/lib/time-zones/zone-list";
import { getMyProfile } from "@/lib/caregivers/profile";
import { signedInPage } from "@/app/_server/page";
import { Card } from "@/components/ui/card";
import { ProfileForm } from "@/components/settings/profile-form";
import { SectionHeading } from "@/components/settings/section-heading";
import { updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Profile settings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default signedInPage(async function ProfileSettingsPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const me = await getMyProfile(actor);
  const zones = [...ACCEPTED_ZONES];
  // a zone saved before the list knew it (or UTC) is still offered, so saving the form never changes it silently
  const allZones = zones.includes(me.timezone) ? zones : [me.timezone, ...zones];
  return (
    <>
      <SectionHeading
        title="Profile"
        intro="Your name, and how and when Elda reaches you."
        saved={sp.saved !== undefined ? "Your profile has been saved." : undefined}
      />
      <Card>
        <p className="mb-6 text-stone-700">
          Signed in with <span className="font-semibold text-stone-900">{me.email}</span>
        </p>
        <ProfileForm
          key={String(sp.saved ?? "")}
          action={updateProfileAction}
          zones={allZones}
          saved={{ first_name: me.first_name, last_name: me.last_name, phone_number: me.phone_number ?? "", timezone: me.timezone }}
        />
      </Card>
    </>
  );
});
