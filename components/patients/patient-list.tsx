import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { PatientOutput } from "@/lib/patients/schemas";
import { timeAgo } from "@/lib/dashboard/format";
import { MonitoringPaused } from "./monitoring-paused";

/** The caregiver's patients, one card-like row each, the whole name a link to the patient's page. */
export function PatientList({ patients, now }: { patients: PatientOutput[]; now: Date }) {
  const t = useTranslations("patients.list");
  const locale = useLocale();
  return (
    <ul className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm">
      {patients.map((p) => (
        <li key={p.id} className="relative px-6 py-5 hover:bg-stone-50 focus-within:bg-stone-50">
          <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
            <h2 className="text-xl font-semibold">
              <Link href={`/patients/${p.id}`} className="text-teal-900 underline-offset-4 hover:underline">
                {p.full_name}
                {/* the whole row is the link's target area */}
                <span aria-hidden="true" className="absolute inset-0" />
              </Link>
            </h2>
            <p className="text-base text-stone-600">
              {t.rich("lastActive", {
                ago: timeAgo(p.last_active_at, now, p.timezone, locale),
                strong: (chunks) => <span className="font-medium text-stone-800">{chunks}</span>,
              })}
            </p>
          </div>
          <p className="mt-1 text-base text-stone-600">
            {p.preferred_name && p.preferred_name !== p.first_name && t("goesBy", { name: p.preferred_name })}
            {t("ageZone", { age: p.age, zone: p.timezone.replaceAll("_", " ") })}
          </p>
          {p.monitoring_paused_until && <MonitoringPaused until={p.monitoring_paused_until} timeZone={p.timezone} className="mt-2" />}
        </li>
      ))}
    </ul>
  );
}
