import type { Metadata } from "next";
import { ACCEPTED_ZONES } from "@/lib/time-zones/zone-list";
import { clock } from "@/lib/clock";
import { getMyProfile } from "@/lib/caregivers/profile";
import { signedInPage } from "@/app/_server/page";
import { Card } from "@/components/ui/card";
import { PatientForm } from "@/components/patients/patient-form";
import { createPatientAction } from "./actions";
import { BackLink } from "@/components/layout/back-link";

export const metadata: Metadata = { title: "Add a patient" };

const FALLBACK_ZONE = "America/Chicago";

export default signedInPage(async function NewPatientPage(_props: unknown, { actor }) {
  const me = await getMyProfile(actor);
  const zones = [...ACCEPTED_ZONES];
  // the caregiver's own zone when they set one; the browser's replaces it once the page runs
  const defaultTimeZone = me.timezone !== "UTC" && zones.includes(me.timezone) ? me.timezone : FALLBACK_ZONE;
  const today = clock.now().toISOString().slice(0, 10);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <BackLink href="/patients">All patients</BackLink>
      <div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Add a patient</h1>
        <p className="mt-1 text-stone-700">The person you care for. You can add health details and contacts later.</p>
      </div>
      <Card>
        <PatientForm action={createPatientAction} zones={zones} defaultTimeZone={defaultTimeZone} today={today} />
      </Card>
    </div>
  );
});
