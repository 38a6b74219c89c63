import type { Metadata } from "next";
import { ACCEPTED_ZONES } from "@/lib/time-zones/zone-list";
import { clock } from "@/lib/clock";
import { listToText } from "@/lib/dashboard/form-input";
import { ProfileForm } from "@/components/patients/profile-form";
import { ReadOnlyNote } from "@/components/patients/success-notice";
import { Card } from "@/components/ui/card";
import { updateProfileAction } from "../actions";
import { canWrite, loadPagePatient } from "../load-patient";

export const metadata: Metadata = { title: "Edit profile" };

export default async function EditProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const p = await loadPagePatient(id);
  return (
    <div className="max-w-2xl space-y-6">
      <h2 className="text-2xl font-bold">Edit profile</h2>
      {!canWrite(p) ? (
        <ReadOnlyNote />
      ) : (
        <Card>
          <ProfileForm
            action={updateProfileAction.bind(null, p.id)}
            zones={[...ACCEPTED_ZONES]}
            today={clock.now().toISOString().slice(0, 10)}
            cancelHref={`/patients/${p.id}`}
            current={{
              first_name: p.first_name,
              last_name: p.last_name,
              preferred_name: p.preferred_name ?? "",
              date_of_birth: p.date_of_birth,
              gender: p.gender ?? "",
              phone_number: p.phone_number ?? "",
              address: p.address ?? "",
              emergency_contact_name: p.emergency_contact_name ?? "",
              emergency_contact_phone: p.emergency_contact_phone ?? "",
              timezone: p.timezone,
              medical_conditions: listToText(p.medical_conditions),
              medications: listToText(p.medications),
              allergies: listToText(p.allergies),
              dietary_restrictions: listToText(p.dietary_restrictions),
            }}
          />
        </Card>
      )}
    </div>
  );
}
