import type { z } from "zod";
import type { reminderOutput } from "@/lib/reminders/schemas";
import type { FormState } from "@/lib/dashboard/form-state";
import { ActionButton } from "@/components/forms/action-button";

type Reminder = z.infer<typeof reminderOutput>;

/** The state of a reminder instance in words (never colour alone). */
export function reminderState(r: Reminder): { text: string; tone: string } {
  switch (r.status) {
    case "completed":
      return { text: r.completed_via === "caregiver" ? "Done (marked by a caregiver)" : "Done", tone: "bg-teal-100 text-teal-900" };
    case "missed":
      return { text: "Missed", tone: "bg-red-100 text-red-900" };
    case "skipped":
      return { text: "Skipped", tone: "bg-stone-200 text-stone-800" };
    case "snoozed":
      return { text: "Snoozed", tone: "bg-amber-100 text-amber-900" };
    default:
      return r.delivery_count > 0
        ? { text: "Delivered, waiting for them", tone: "bg-sky-100 text-sky-900" }
        : { text: "Coming up", tone: "bg-stone-100 text-stone-800" };
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
  const time = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone });
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
                <time dateTime={r.due_at}>{time.format(new Date(r.due_at))}</time> · {r.title}
              </p>
              <p className="mt-1">
                <span className={`rounded-full px-2.5 py-0.5 text-base font-semibold ${state.tone}`}>{state.text}</span>
              </p>
              {r.patient_response && <p className="mt-1 text-base text-stone-600">They said: “{r.patient_response}”</p>}
            </div>
            {completable && completeAction && skipAction && (
              <div className="flex flex-wrap items-start gap-3">
                <ActionButton action={completeAction} fields={{ reminder_id: r.id }} pendingText="Saving…">
                  {open ? "Mark done" : "Mark done late"}
                  <span className="sr-only"> {r.title}</span>
                </ActionButton>
                {open && (
                  <ActionButton action={skipAction} fields={{ reminder_id: r.id }} pendingText="Saving…">
                    Skip<span className="sr-only"> {r.title}</span>
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
