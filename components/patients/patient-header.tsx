import type { CareStanding } from "@/lib/db/generated/enums";
import type { PatientOutput } from "@/lib/patients/schemas";
import { localTime } from "@/lib/dashboard/format";
import { BackLink } from "@/components/layout/back-link";
import { MonitoringPaused } from "./monitoring-paused";

const STANDING: Record<CareStanding, string> = {
  primary: "You are their primary caregiver.",
  secondary: "You are on their care team.",
  viewer: "You can view their information but not change it.",
};

/** Who this is, how old, and what time it is where they live: above every tab of the patient. */
export function PatientHeader({ patient: p, now }: { patient: PatientOutput; now: Date }) {
  return (
    <div className="space-y-6">
      <BackLink href="/patients">All patients</BackLink>
      <div className="flex flex-wrap items-start gap-5">
        <span aria-hidden="true" className="grid size-16 shrink-0 place-items-center rounded-full bg-teal-100 text-2xl font-bold text-teal-900">
          {p.first_name.charAt(0)}
          {p.last_name.charAt(0)}
        </span>
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{p.full_name}</h1>
          <p className="mt-1 text-stone-700">
            {p.preferred_name && p.preferred_name !== p.first_name ? <>Goes by {p.preferred_name} · </> : null}
            Age {p.age} · Their local time: <time dateTime={now.toISOString()}>{localTime(now, p.timezone)}</time>
            {!p.is_active && (
              <>
                {" "}
                · <strong>Inactive</strong>
              </>
            )}
          </p>
          {p.my_standing && <p className="mt-1 text-base text-stone-600">{STANDING[p.my_standing]}</p>}
          {p.monitoring_paused_until && (
            <MonitoringPaused until={p.monitoring_paused_until} reason={p.monitoring_pause_reason} timeZone={p.timezone} className="mt-3" />
          )}
        </div>
      </div>
    </div>
  );
}
