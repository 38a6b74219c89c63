import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getSchedule } from "@/lib/schedules/schedules";
import { signedInPage } from "@/app/_server/page";
import { loadPatientChildOr404 } from "@/app/_server/not-found";
import { ScheduleForm } from "@/components/routine/schedule-form";
import { ReadOnlyNote } from "@/components/patients/success-notice";
import { Card } from "@/components/ui/card";
import { canWrite, loadPagePatient } from "../../../load-patient";
import { updateScheduleAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("routine"))("editMetaTitle") };
}

export default signedInPage(async function EditSchedulePage({ params }: { params: Promise<{ id: string; scheduleId: string }> }, { actor }) {
  const { id, scheduleId } = await params;
  const [p, t] = await Promise.all([loadPagePatient(id), getTranslations("routine")]);
  // a schedule of another patient is not found here, even when the caregiver may see it elsewhere
  const s = await loadPatientChildOr404(p.id, scheduleId, (id) => getSchedule(actor, id));
  return (
    <div className="max-w-2xl space-y-6">
      <h2 className="text-2xl font-bold">{t("editTitle")}</h2>
      {!canWrite(p) ? (
        <ReadOnlyNote />
      ) : (
        <Card>
          <ScheduleForm
            action={updateScheduleAction.bind(null, p.id, s.id)}
            submitLabel={t("editSubmit")}
            cancelHref={`/patients/${p.id}/routine`}
            current={{
              type: s.type,
              title: s.title,
              instructions: s.instructions ?? "",
              medication_name: s.medication_name ?? "",
              dosage: s.dosage ?? "",
              times_of_day: s.times_of_day.join(", "),
              recurrence: s.recurrence,
              days_of_week: s.days_of_week.join(","),
              interval_days: s.interval_days?.toString() ?? "",
              start_date: s.start_date,
              end_date: s.end_date ?? "",
              advance_notice_minutes: String(s.advance_notice_minutes),
              alert_on_miss: s.alert_on_miss ? "on" : "",
            }}
          />
        </Card>
      )}
    </div>
  );
});
