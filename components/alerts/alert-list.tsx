import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { AlertOutput } from "@/lib/alerts/schemas";
import { alertText } from "@/lib/alerts/alert-text";
import { formatDateTime, timeAgo } from "@/lib/dashboard/format";
import type { FormState } from "@/lib/dashboard/form-state";
import { ActionButton } from "@/components/forms/action-button";
import { NobodyReachedBadge, SeverityBadge, StatusBadge } from "./alert-badges";
import { AlertNoteForm } from "./alert-note-form";
import { BulkAcknowledgeForm } from "./bulk-acknowledge-form";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;
export interface AlertActions {
  acknowledge: Action;
  bulkAcknowledge: Action;
  resolve: Action;
}

const BULK_FORM = "bulk-acknowledge";

/**
 * A list of alerts (the inbox, or one patient's tab) with what each needs: acknowledge when open, resolve
 * with a note while not resolved, and a tick box for acknowledging several at once. Every action is a form
 * posting to a server action the page passes in (`actions`), so it works without JavaScript.
 */
export function AlertList({
  alerts,
  now,
  timeZone,
  back,
  showPatient,
  actions,
}: {
  alerts: AlertOutput[];
  now: Date;
  timeZone: string;
  back: string;
  showPatient: boolean;
  actions: AlertActions;
}) {
  const t = useTranslations("alerts.list");
  const labels = useTranslations("labels");
  const locale = useLocale();
  const ago = (iso: string) => timeAgo(iso, now, timeZone, locale);
  const anyOpen = alerts.some((a) => a.status === "open");
  return (
    <div className="space-y-4">
      {anyOpen && <BulkAcknowledgeForm id={BULK_FORM} action={actions.bulkAcknowledge} back={back} />}
      <ul className="space-y-4">
        {alerts.map((a) => {
          const titleId = `alert-${a.id}-title`;
          // in the reader's language, from what the alert records (English: the stored title)
          const title = alertText(a, locale, timeZone).title;
          const open = a.status === "open";
          const unresolved = open || a.status === "acknowledged";
          return (
            <li
              key={a.id}
              aria-labelledby={titleId}
              className={`rounded-xl border bg-white p-5 shadow-sm sm:p-6 ${a.severity === "critical" && unresolved ? "border-l-8 border-red-800" : "border-stone-200"}`}
            >
              <div className="flex flex-wrap items-start gap-4">
                {open && (
                  <input
                    type="checkbox"
                    name="ids"
                    value={a.id}
                    form={BULK_FORM}
                    aria-label={showPatient ? t("selectFor", { title, patient: a.patient_name }) : t("select", { title })}
                    className="mt-1 size-6 shrink-0 accent-teal-700"
                  />
                )}
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <SeverityBadge severity={a.severity} />
                    <StatusBadge status={a.status} />
                    {a.escalation.nobody_reached && <NobodyReachedBadge />}
                  </div>
                  <h3 id={titleId} className="mt-2 text-xl font-semibold">
                    <Link href={`/alerts/${a.id}`} className="text-teal-900 underline underline-offset-4 hover:no-underline">
                      {title}
                    </Link>
                  </h3>
                  <p className="mt-1 text-base text-stone-700">
                    {showPatient && (
                      <>
                        <Link href={`/patients/${a.patient_id}/alerts`} className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
                          {a.patient_name}
                        </Link>{" "}
                        ·{" "}
                      </>
                    )}
                    {labels.has(`alertType.${a.type}`) ? labels(`alertType.${a.type}`) : a.type} ·{" "}
                    <time dateTime={a.first_occurred_at} title={formatDateTime(a.first_occurred_at, timeZone, locale)}>
                      {t("raised", { ago: ago(a.first_occurred_at) })}
                    </time>
                    {a.occurrence_count > 1 && t("happened", { count: a.occurrence_count, ago: ago(a.last_occurred_at) })}
                  </p>
                  {a.status === "acknowledged" && a.acknowledged_at && (
                    <p className="mt-1 text-base text-stone-700">{t("acknowledgedAgo", { ago: ago(a.acknowledged_at) })}</p>
                  )}
                  {a.resolution_note && !unresolved && <p className="mt-1 text-base text-stone-700">{t("resolution", { note: a.resolution_note })}</p>}
                </div>
              </div>
              {unresolved && (
                <div className="mt-4 flex flex-wrap items-start gap-4 border-t border-stone-100 pt-4">
                  {open && (
                    <ActionButton action={actions.acknowledge} fields={{ id: a.id, back }} pendingText={t("acknowledging")} describedBy={titleId}>
                      {t("acknowledge")}
                    </ActionButton>
                  )}
                  <details className="min-w-64 flex-1 rounded-lg border border-stone-200 px-4 py-2 open:pb-4">
                    <summary className="flex min-h-10 cursor-pointer items-center font-semibold text-teal-900">
                      {t.rich("resolveSummary", { title, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                    </summary>
                    <div className="mt-3">
                      <AlertNoteForm
                        action={actions.resolve}
                        alertId={a.id}
                        back={back}
                        idPrefix="resolve-note"
                        label={t("resolveLabel")}
                        submit={t("resolve")}
                        pendingText={t("resolving")}
                      />
                    </div>
                  </details>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
