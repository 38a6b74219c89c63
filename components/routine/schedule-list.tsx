import type { z } from "zod";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { scheduleOutput } from "@/lib/schedules/schemas";
import type { FormState } from "@/lib/dashboard/form-state";
import { clockTime, recurrenceInWords } from "@/lib/schedules/schedule-form";
import { ActionButton } from "@/components/forms/action-button";
import { buttonClasses } from "@/components/ui/button";

type Schedule = z.infer<typeof scheduleOutput>;

/** The patient's schedules: what, when (their local time), how often, active or paused; edit and pause/resume. */
export function ScheduleList({
  schedules,
  patientId,
  setActiveAction,
}: {
  schedules: Schedule[];
  patientId: string;
  setActiveAction?: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("routine.list");
  const recurrence = useTranslations("routine.recurrence");
  const labels = useTranslations("patientLabels");
  const locale = useLocale();
  return (
    <ul className="divide-y divide-stone-100">
      {schedules.map((s) => (
        <li key={s.id} className="flex flex-wrap items-start justify-between gap-4 py-4">
          <div>
            <p className="text-lg font-semibold">
              {s.title}{" "}
              <span
                className={`ml-1 rounded-full px-2.5 py-0.5 text-base font-semibold ${s.is_active ? "bg-teal-100 text-teal-900" : "bg-stone-200 text-stone-800"}`}
              >
                {s.is_active ? t("active") : t("paused")}
              </span>
            </p>
            <p className="text-stone-700">
              {labels(`scheduleType.${s.type}`)}
              {s.dosage && <> · {s.dosage}</>} · {s.times_of_day.map((time) => clockTime(time, locale)).join(", ")} · {recurrenceInWords(s, recurrence)}
            </p>
            {s.instructions && <p className="text-base text-stone-600">{s.instructions}</p>}
            {s.alert_on_miss && <p className="text-base text-stone-600">{t("alertOnMiss")}</p>}
          </div>
          {setActiveAction && (
            <div className="flex flex-wrap items-start gap-3">
              <Link href={`/patients/${patientId}/routine/${s.id}/edit`} className={buttonClasses("secondary")}>
                {t("edit")}
                <span className="sr-only"> {s.title}</span>
              </Link>
              <ActionButton action={setActiveAction} fields={{ schedule_id: s.id, active: s.is_active ? "false" : "true" }} pendingText={t("saving")}>
                {s.is_active ? t("pause") : t("resume")}
                <span className="sr-only"> {s.title}</span>
              </ActionButton>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
