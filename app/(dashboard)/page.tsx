import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ValidationFailed } from "@/lib/api/errors";
import { getOverview } from "@/lib/overview/at-a-glance";
import { overviewQuery } from "@/lib/overview/schemas";
import { signedInPage } from "@/app/_server/page";
import { facilityParam, listScope } from "@/app/_server/list-scope";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { FacilityFilter } from "@/components/filters/facility-filter";
import { HomeLive } from "@/components/home/home-live";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("metaTitle") };
}

/** Patient cards per page of the home page: the ones needing attention fill the first pages. */
const HOME_PAGE_SIZE = 20;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The caregiver's home: the open alerts, then the current organization's patients at a glance, whoever needs
 * attention first, a page of cards at a time (a large agency's home stays small); kept live in the browser.
 */
export default signedInPage(async function HomePage({ searchParams }: { searchParams: SearchParams }, { actor, now }) {
  const sp = await searchParams;
  const t = await getTranslations("home");
  const scope = await listScope(actor, one(sp.facility));
  const first = overviewQuery.parse({ limit: HOME_PAGE_SIZE, organization_id: scope.organizationId, facility_id: scope.facility?.id });
  const asked = overviewQuery.safeParse({ ...first, cursor: one(sp.cursor) || undefined });
  let overview;
  let pageError: string | undefined;
  try {
    overview = await getOverview(actor, now, asked.success ? asked.data : first);
  } catch (err) {
    if (!(err instanceof ValidationFailed)) throw err;
    pageError = t("pageGone");
    overview = await getOverview(actor, now, first);
  }
  const paged = asked.success && !!asked.data.cursor && !pageError;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
          <p className="mt-1 text-stone-700">{scope.facility ? t("introFacility", { facility: scope.facility.name }) : t("intro")}</p>
        </div>
        <FacilityFilter action="/" facilities={scope.facilities} current={scope.facility?.id} />
      </div>
      {pageError && <Notice tone="info" role="status" title={pageError} />}
      {overview.patient_total === 0 && overview.open_alert_total === 0 && !scope.facility ? (
        <div className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-12 text-center">
          <p className="text-xl font-semibold">{t("empty.title")}</p>
          <p className="mx-auto mt-2 max-w-prose text-stone-700">{t("empty.text")}</p>
          <p className="mt-6">
            <ButtonLink href="/patients/new">{t("empty.add")}</ButtonLink>
          </p>
        </div>
      ) : (
        <HomeLive
          initial={overview}
          query={{
            limit: String(first.limit),
            cursor: paged ? asked.data!.cursor : undefined,
            organization_id: first.organization_id,
            facility_id: first.facility_id,
          }}
          keep={facilityParam(scope)}
          paged={paged}
        />
      )}
    </div>
  );
});
