import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { clock } from "@/lib/clock";
import { ValidationFailed } from "@/lib/api/errors";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { listPatients } from "@/lib/patients/list-patients";
import { listPatientsQuery } from "@/lib/patients/schemas";
import { getMyProfile } from "@/lib/caregivers/profile";
import { signedInPage } from "@/app/_server/page";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { AlertList } from "@/components/alerts/alert-list";
import { acknowledgeAlertAction, bulkAcknowledgeAction, resolveAlertAction } from "./actions";
import { AlertFiltersForm } from "@/components/alerts/alert-filters-form";
import { ActionNotice } from "@/components/alerts/action-notice";
import { filtersQuery, readAlertFilters, STATUS_CHOICE_KEYS } from "./alert-filters";
import { listScope } from "@/app/_server/list-scope";
import { FacilityFilter } from "@/components/filters/facility-filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts"))("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The inbox: alerts of every patient the caregiver can see, filtered, with acknowledge and resolve. */
const ALERT_ACTIONS = { acknowledge: acknowledgeAlertAction, bulkAcknowledge: bulkAcknowledgeAction, resolve: resolveAlertAction };

export default signedInPage(async function AlertsPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const t = await getTranslations("alerts");
  const now = clock.now();
  const read = readAlertFilters(sp, true);
  const { error } = read;
  // the current organization's patients, and one facility's when an admin of several chose it
  const scope = await listScope(actor, read.filters.facility);
  const filters = { ...read.filters, facility: scope.facility?.id };
  const query = { ...read.query, organization_id: scope.organizationId, facility_id: scope.facility?.id };
  const [page, patients, me] = await (async () => {
    const patientsPage = await listPatients(
      actor,
      listPatientsQuery.parse({ limit: "100", organization_id: scope.organizationId, facility_id: scope.facility?.id }),
      now,
    );
    try {
      return [await listAlerts(actor, query), patientsPage.items, await getMyProfile(actor)] as const;
    } catch (err) {
      if (!(err instanceof ValidationFailed)) throw err;
      return [await listAlerts(actor, { ...query, cursor: undefined }), patientsPage.items, await getMyProfile(actor)] as const;
    }
  })();

  const here = `/alerts${filtersQuery(filters, filters.cursor ? { cursor: filters.cursor } : {})}`;
  const total = page.total ?? page.items.length;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-1 text-stone-700">{t("intro")}</p>
      </div>

      <ActionNotice notice={one(sp.notice)} n={one(sp.n)} f={one(sp.f)} />
      {error && <Notice tone="info" role="status" title={t("filtersError")} />}

      <FacilityFilter
        action="/alerts"
        facilities={scope.facilities}
        current={scope.facility?.id}
        keep={{ status: filters.status === "open" ? undefined : filters.status, severity: filters.severity, type: filters.type }}
      />
      <AlertFiltersForm action="/alerts" filters={filters} statuses={STATUS_CHOICE_KEYS} patients={patients} />

      <section aria-labelledby="alert-results" className="space-y-4">
        <h2 id="alert-results" className="sr-only">
          {t("results")}
        </h2>
        <p className="text-base text-stone-700">{t("count", { count: total })}</p>
        {page.items.length > 0 ? (
          <AlertList alerts={page.items} now={now} timeZone={me.timezone} back={here} showPatient actions={ALERT_ACTIONS} />
        ) : (
          <div className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-10 text-center">
            <p className="text-xl font-semibold">{filters.status === "open" && !filters.severity && !filters.type ? t("emptyOpen") : t("emptyFiltered")}</p>
            <p className="mt-2 text-stone-700">
              {patients.length === 0
                ? t.rich("emptyNoPatients", {
                    link: (chunks) => (
                      <Link href={"/patients/new"} className="font-semibold text-teal-800 underline underline-offset-4">
                        {chunks}
                      </Link>
                    ),
                  })
                : t.rich("emptyTryAnother", {
                    link: (chunks) => (
                      <Link href={"/alerts?status=all"} className="font-semibold text-teal-800 underline underline-offset-4">
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
              <Link href={`/alerts${filtersQuery(filters)}`} className={buttonClasses("quiet")}>
                {t("firstPage")}
              </Link>
            ) : (
              <span />
            )}
            {page.next_cursor && (
              <Link href={`/alerts${filtersQuery(filters, { cursor: page.next_cursor })}`} className={buttonClasses("secondary")}>
                {t("nextPage")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
});
