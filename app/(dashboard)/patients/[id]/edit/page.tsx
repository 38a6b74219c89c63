import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ACCEPTED_ZONES } from "@/lib/time-zones/zone-list";
import { clock } from "@/lib/clock";
import { profileToForm } from "@/lib/patients/profile-form";
import { ProfileForm } from "@/components/patients/profile-form";
import { ReadOnlyNote } from "@/components/patients/success-notice";
import { Card } from "@/components/ui/card";
import { updateProfileAction } from "../actions";
import { canWrite, loadPagePatient } from "../load-patient";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("patients.profile"))("metaTitle") };
}

export default async function EditProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [p, t] = await Promise.all([loadPagePatient(id), getTranslations("patients.profile")]);
  return (
    <div className="max-w-2xl space-y-6">
      <h2 className="text-2xl font-bold">{t("title")}</h2>
      {!canWrite(p) ? (
        <ReadOnlyNote />
      ) : (
        <Card>
          <ProfileForm
            action={updateProfileAction.bind(null, p.id)}
            zones={[...ACCEPTED_ZONES]}
            today={clock.now().toISOString().slice(0, 10)}
            cancelHref={`/patients/${p.id}`}
            current={profileToForm(p)}
          />
        </Card>
      )}
    </div>
  );
}
