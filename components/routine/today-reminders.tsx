import type { z } from "zod";
import { useFormatter, useTranslations } from "next-intl";
import type { reminderOutput } from "@/lib/reminders/schemas";
import type { FormState } from "@/lib/dashboard/form-state";
import { ActionButton } from "@/components/forms/action-button";

type Reminder = z.infer<typeof reminderOutput>;
type ReminderWord = "done" | "doneByCaregiver" | "missed" | "skipped" | "snoozed" | "delivered" | "upcoming";

/** The state of a reminder instance in words (never colour alone). */
export function reminderState(r: Reminder): { text: ReminderWord; tone: string } {
  switch (r.status) {
    case "completed":
      return { text: r.completed_via === "caregiver" ? "doneByCaregiver" : "done", tone: "bg-teal-100 text-teal-900" };
    case "missed":
      return { text: "missed", tone: "bg-red-100 text-red-900" };
    case "skipped":
      return { text: "skipped", tone: "bg-stone-200 text-stone-800" };
    case "snoozed":
      return { text: "snoozed", tone: "bg-amber-100 text-amber-900" };
    default:
      return r.delivery_count > 0 ? { text: "delivered", tone: "bg-sky-100 text-sky-900" } : { text: "upcoming", tone: "bg-stone-100 text-stone-800" };
  }
}

/** Today's reminder instances (the patient's local day) with their state; mark done / skip while still open. */
export function TodayReminders({
  reminders,
  timeZone,
  completeAction,
  skipAction,
}: {
  reminders: Reminder[];
  timeZone: string;
  completeAction?: (prev: FormState, form: FormData) => Promise<FormState>;
  skipAction?: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("routine.reminder");
  const format = useFormatter();
  return (
    <ul className="divide-y divide-stone-100">
      {reminders.map((r) => {
        const state = reminderState(r);
        const open = r.status === "pending" || r.status === "snoozed";
        // a missed dose taken late can still be marked done (its missed-dose alert then resolves)
        const completable = open || r.status === "missed";
        return (
          <li key={r.id} className="flex flex-wrap items-start justify-between gap-4 py-4">
            <div>
              <p className="text-lg font-semibold">
                <time dateTime={r.due_at}>{format.dateTime(new Date(r.due_at), { hour: "numeric", minute: "2-digit", timeZone })}</time> · {r.title}
              </p>
              <p className="mt-1">
                <span className={`rounded-full px-2.5 py-0.5 text-base font-semibold ${state.tone}`}>{t(state.text)}</span>
              </p>
              {r.patient_response && <p className="mt-1 text-base text-stone-600">{t("theySaid", { response: r.patient_response })}</p>}
            </div>
            {completable && completeAction && skipAction && (
              <div className="flex flex-wrap items-start gap-3">
                <ActionButton action={completeAction} fields={{ reminder_id: r.id }} pendingText={t("saving")}>
                  {open ? t("markDone") : t("markDoneLate")}
                  <span className="sr-only"> {r.title}</span>
                </ActionButton>
                {open && (
                  <ActionButton action={skipAction} fields={{ reminder_id: r.id }} pendingText={t("saving")}>
                    {t("skip")}
                    <span className="sr-only"> {r.title}</span>
                  </ActionButton>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
