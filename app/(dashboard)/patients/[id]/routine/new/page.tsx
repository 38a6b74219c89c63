import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ScheduleForm } from "@/components/routine/schedule-form";
import { ReadOnlyNote } from "@/components/patients/success-notice";
import { Card } from "@/components/ui/card";
import { canWrite, loadPagePatient } from "../../load-patient";
import { createScheduleAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("routine"))("newMetaTitle") };
}

export default async function NewSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [p, t] = await Promise.all([loadPagePatient(id), getTranslations("routine")]);
  return (
    <div className="max-w-2xl space-y-6">
      <h2 className="text-2xl font-bold">{t("newTitle")}</h2>
      {!canWrite(p) ? (
        <ReadOnlyNote />
      ) : (
        <Card>
          <ScheduleForm
            action={createScheduleAction.bind(null, p.id)}
            submitLabel={t("newSubmit")}
            cancelHref={`/patients/${p.id}/routine`}
            current={{
              type: "medication",
              title: "",
              instructions: "",
              medication_name: "",
              dosage: "",
              times_of_day: "",
              recurrence: "daily",
              days_of_week: "",
              interval_days: "",
              start_date: "",
              end_date: "",
              advance_notice_minutes: "",
              alert_on_miss: "on",
            }}
          />
        </Card>
      )}
    </div>
  );
}
