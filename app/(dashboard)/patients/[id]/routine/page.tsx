import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DateTime } from "luxon";
import { clock } from "@/lib/clock";
import { listSchedules } from "@/lib/schedules/schedules";
import { listSchedulesQuery } from "@/lib/schedules/schemas";
import { listReminders } from "@/lib/reminders/caregiver-reminders";
import { listRemindersQuery } from "@/lib/reminders/schemas";
import { signedInPage } from "@/app/_server/page";
import { ButtonLink } from "@/components/ui/button";
import { ReadOnlyNote, SuccessNotice } from "@/components/patients/success-notice";
import { ScheduleList } from "@/components/routine/schedule-list";
import { TodayReminders } from "@/components/routine/today-reminders";
import { canWrite, loadPagePatient } from "../load-patient";
import { completeReminderAction, setScheduleActiveAction, skipReminderAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("routine"))("metaTitle") };
}

const OK = ["schedule-created", "schedule-saved", "schedule-paused", "schedule-resumed", "reminder-done", "reminder-skipped"] as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default signedInPage(async function RoutinePage({ params, searchParams }: Props, { actor }) {
  const { id } = await params;
  const p = await loadPagePatient(id);
  const sp = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("routine"), getLocale()]);
  const now = clock.now();
  const day = DateTime.fromJSDate(now, { zone: p.timezone }).setLocale(locale).startOf("day");
  const [schedules, today] = await Promise.all([
    listSchedules(actor, p.id, listSchedulesQuery.parse({ limit: "100", sort: "title" })),
    listReminders(actor, p.id, listRemindersQuery.parse({ limit: "100", order: "asc", from: day.toUTC().toISO(), to: day.endOf("day").toUTC().toISO() })),
  ]);
  const write = canWrite(p);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 className="text-2xl font-bold">{t("title")}</h2>
        {write && <ButtonLink href={`/patients/${p.id}/routine/new`}>{t("add")}</ButtonLink>}
      </div>
      <SuccessNotice ok={sp.ok} messages={Object.fromEntries(OK.map((k) => [k, t(`ok.${k}`)]))} />
      {!write && <ReadOnlyNote />}

      <section aria-labelledby="today-title" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h3 id="today-title" className="text-xl font-semibold">
          {t("today", { day: day.toFormat(locale === "es" ? "cccc d 'de' LLLL" : "cccc d LLLL") })}
        </h3>
        <p className="text-base text-stone-600">{t("localDay", { zone: p.timezone.replaceAll("_", " ") })}</p>
        <div className="mt-4">
          {today.items.length === 0 ? (
            <p className="text-stone-700">{schedules.items.length === 0 ? t("noRemindersNoSchedules") : t("noRemindersToday")}</p>
          ) : (
            <TodayReminders
              reminders={today.items}
              timeZone={p.timezone}
              completeAction={write ? completeReminderAction.bind(null, p.id) : undefined}
              skipAction={write ? skipReminderAction.bind(null, p.id) : undefined}
            />
          )}
        </div>
      </section>

      <section aria-labelledby="schedules-title" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h3 id="schedules-title" className="text-xl font-semibold">
          {t("schedules")}
        </h3>
        <div className="mt-4">
          {schedules.items.length === 0 ? (
            <p className="text-stone-700">
              {t("noSchedules")} {write ? t("noSchedulesWrite") : t("noSchedulesRead")}
            </p>
          ) : (
            <ScheduleList schedules={schedules.items} patientId={p.id} setActiveAction={write ? setScheduleActiveAction.bind(null, p.id) : undefined} />
          )}
        </div>
      </section>
    </div>
  );
});
