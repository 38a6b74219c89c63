import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ACCEPTED_ZONES } from "@/lib/time-zones/zone-list";
import { clock } from "@/lib/clock";
import { getMyProfile } from "@/lib/caregivers/profile";
import { signedInPage } from "@/app/_server/page";
import { Card } from "@/components/ui/card";
import { PatientForm } from "@/components/patients/patient-form";
import { createPatientAction } from "./actions";
import { BackLink } from "@/components/layout/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("patients.new"))("metaTitle") };
}

const FALLBACK_ZONE = "America/Chicago";

export default signedInPage(async function NewPatientPage(_props: unknown, { actor }) {
  const [me, t] = await Promise.all([getMyProfile(actor), getTranslations("patients.new")]);
  const zones = [...ACCEPTED_ZONES];
  // the caregiver's own zone when they set one; the browser's replaces it once the page runs
  const defaultTimeZone = me.timezone !== "UTC" && zones.includes(me.timezone) ? me.timezone : FALLBACK_ZONE;
  const today = clock.now().toISOString().slice(0, 10);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <BackLink href="/patients">{t("back")}</BackLink>
      <div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-1 text-stone-700">{t("intro")}</p>
      </div>
      <Card>
        <PatientForm action={createPatientAction} zones={zones} defaultTimeZone={defaultTimeZone} today={today} />
      </Card>
    </div>
  );
});
