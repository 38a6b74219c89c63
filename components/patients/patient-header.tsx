import { useLocale, useTranslations } from "next-intl";
import type { PatientOutput } from "@/lib/patients/schemas";
import { localTime } from "@/lib/dashboard/format";
import { BackLink } from "@/components/layout/back-link";
import { MonitoringPaused } from "./monitoring-paused";

/** Who this is, how old, and what time it is where they live: above every tab of the patient. */
export function PatientHeader({ patient: p, now }: { patient: PatientOutput; now: Date }) {
  const t = useTranslations("patients.header");
  const locale = useLocale();
  const labels = useTranslations("patientLabels");
  return (
    <div className="space-y-6">
      <BackLink href="/patients">{t("back")}</BackLink>
      <div className="flex flex-wrap items-start gap-5">
        <span aria-hidden="true" className="grid size-16 shrink-0 place-items-center rounded-full bg-teal-100 text-2xl font-bold text-teal-900">
          {p.first_name.charAt(0)}
          {p.last_name.charAt(0)}
        </span>
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{p.full_name}</h1>
          <p className="mt-1 text-stone-700">
            {p.preferred_name && p.preferred_name !== p.first_name ? t("goesBy", { name: p.preferred_name }) : null}
            {t("ageLocal", { age: p.age })}
            <time dateTime={now.toISOString()}>{localTime(now, p.timezone, locale)}</time>
            {!p.is_active && (
              <>
                {" "}
                · <strong>{t("inactive")}</strong>
              </>
            )}
          </p>
          {p.my_standing && <p className="mt-1 text-base text-stone-600">{labels(`myStanding.${p.my_standing}`)}</p>}
          {p.monitoring_paused_until && (
            <MonitoringPaused until={p.monitoring_paused_until} reason={p.monitoring_pause_reason} timeZone={p.timezone} className="mt-3" />
          )}
        </div>
      </div>
    </div>
  );
}
