import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { clock } from "@/lib/clock";
import { ValidationFailed } from "@/lib/api/errors";
import { listPatientAlerts } from "@/lib/alerts/list-alerts";
import { getMyProfile } from "@/lib/caregivers/profile";
import { signedInPage } from "@/app/_server/page";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { AlertList } from "@/components/alerts/alert-list";
import { acknowledgeAlertAction, bulkAcknowledgeAction, resolveAlertAction } from "@/app/(dashboard)/alerts/actions";
import { AlertFiltersForm } from "@/components/alerts/alert-filters-form";
import { ActionNotice } from "@/components/alerts/action-notice";
import { filtersQuery, readAlertFilters, STATUS_CHOICE_KEYS } from "@/app/(dashboard)/alerts/alert-filters";
import { loadPagePatient } from "../load-patient";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts"))("patientTab.metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** One patient's alerts: the inbox's list and filters, inside the patient's tabs. */
const ALERT_ACTIONS = { acknowledge: acknowledgeAlertAction, bulkAcknowledge: bulkAcknowledgeAction, resolve: resolveAlertAction };

export default signedInPage(async function PatientAlertsPage({ params, searchParams }: Props, { actor }) {
  const { id } = await params;
  const p = await loadPagePatient(id);
  const sp = await searchParams;
  const t = await getTranslations("alerts");
  const now = clock.now();
  const { filters, query, error } = readAlertFilters(sp, false);
  const page = await (async () => {
    try {
      return await listPatientAlerts(actor, p.id, query);
    } catch (err) {
      if (!(err instanceof ValidationFailed)) throw err;
      return listPatientAlerts(actor, p.id, { ...query, cursor: undefined });
    }
  })();

  const me = await getMyProfile(actor);
  const base = `/patients/${p.id}/alerts`;
  const here = `${base}${filtersQuery(filters, filters.cursor ? { cursor: filters.cursor } : {})}`;
  const total = page.total ?? page.items.length;

  return (
    <div className="space-y-6">
      <h2 className="text-2xl font-bold tracking-tight">{t("patientTab.title")}</h2>
      <ActionNotice notice={one(sp.notice)} n={one(sp.n)} f={one(sp.f)} />
      {error && <Notice tone="info" role="status" title={t("filtersError")} />}
      <AlertFiltersForm action={base} filters={filters} statuses={STATUS_CHOICE_KEYS} />
      <p className="text-base text-stone-700">{t("count", { count: total })}</p>
      {page.items.length > 0 ? (
        <AlertList alerts={page.items} now={now} timeZone={me.timezone} back={here} showPatient={false} actions={ALERT_ACTIONS} />
      ) : (
        <div className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-10 text-center">
          <p className="text-xl font-semibold">
            {filters.status === "open" && !filters.severity && !filters.type ? t("patientTab.emptyOpen", { name: p.display_name }) : t("emptyFiltered")}
          </p>
          <p className="mt-2 text-stone-700">
            {t.rich("patientTab.emptyText", {
              link: (chunks) => (
                <Link href={`${base}?status=all`} className="font-semibold text-teal-800 underline underline-offset-4">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
      )}
      {(page.next_cursor || filters.cursor) && (
        <nav aria-label={t("pages")} className="flex flex-wrap justify-between gap-4">
          {filters.cursor ? (
            <Link href={`${base}${filtersQuery(filters)}`} className={buttonClasses("quiet")}>
              {t("firstPage")}
            </Link>
          ) : (
            <span />
          )}
          {page.next_cursor && (
            <Link href={`${base}${filtersQuery(filters, { cursor: page.next_cursor })}`} className={buttonClasses("secondary")}>
              {t("nextPage")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
});
