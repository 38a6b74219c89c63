import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { clock } from "@/lib/clock";
import { ValidationFailed } from "@/lib/api/errors";
import { EXACT_TOTAL_UP_TO, listPatients } from "@/lib/patients/list-patients";
import { listPatientsQuery } from "@/lib/patients/schemas";
import { signedInPage } from "@/app/_server/page";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PatientList } from "@/components/patients/patient-list";
import { facilityParam, listScope } from "@/app/_server/list-scope";
import { FacilityFilter } from "@/components/filters/facility-filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("patients.list"))("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default signedInPage(async function PatientsPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const t = await getTranslations("patients.list");
  const now = clock.now();
  // only the parameters this page offers; the schema refuses unknown ones
  // the current organization's patients, and one facility's when an admin of several chose it
  const scope = await listScope(actor, one(sp.facility));
  const inScope = { organization_id: scope.organizationId, facility_id: scope.facility?.id };
  const parsed = listPatientsQuery.safeParse({ q: one(sp.q) || undefined, cursor: one(sp.cursor) || undefined, ...inScope });
  const query = parsed.success ? parsed.data : listPatientsQuery.parse(inScope);
  const searchError = parsed.success ? undefined : t("searchTooLong");
  const q = query.q ?? "";

  let page;
  let pageError: string | undefined;
  try {
    page = await listPatients(actor, query, now);
  } catch (err) {
    if (!(err instanceof ValidationFailed)) throw err;
    pageError = t("stalePage");
    page = await listPatients(actor, { ...query, cursor: undefined }, now);
  }
  const { items, next_cursor } = page;
  // no total past EXACT_TOTAL_UP_TO matches (a page with more after it); a last page without one counts itself
  const total = page.total ?? (next_cursor ? null : items.length);
  const searching = q.length > 0;
  const firstPage = `/patients?${[facilityParam(scope), searching ? `q=${encodeURIComponent(q)}` : ""].filter(Boolean).join("&")}`.replace(/\?$/, "");

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
          <p className="mt-1 text-stone-700">{t("intro")}</p>
        </div>
        <ButtonLink href="/patients/new">
          <span aria-hidden="true" className="text-2xl leading-none">
            +
          </span>
          {t("add")}
        </ButtonLink>
      </div>

      {one(sp.welcome) !== undefined && <Notice tone="success" role="status" title={t("welcome")} />}

      <FacilityFilter action="/patients" facilities={scope.facilities} current={scope.facility?.id} keep={{ q: q || undefined }} />
      <form action="/patients" method="get" role="search" aria-label={t("searchForm")} className="flex flex-wrap items-end gap-3">
        {scope.facility && <input type="hidden" name="facility" value={scope.facility.id} />}
        <div className="min-w-64 flex-1">
          <label htmlFor="patient-search" className="block font-semibold">
            {t("searchLabel")}
          </label>
          {searchError && (
            <p id="patient-search-error" className="mt-1 text-base font-semibold text-red-700">
              <span className="sr-only">{t("error")}</span>
              {searchError}
            </p>
          )}
          <input
            key={q}
            id="patient-search"
            name="q"
            type="search"
            defaultValue={one(sp.q) ?? ""}
            autoComplete="off"
            maxLength={100}
            aria-invalid={searchError ? true : undefined}
            aria-describedby={searchError ? "patient-search-error" : undefined}
            className={`${inputClasses(!!searchError)} mt-2`}
          />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("search")}
        </button>
        {searching && (
          <Link href="/patients" className={buttonClasses("quiet")}>
            {t("clearSearch")}
          </Link>
        )}
      </form>

      {pageError && <Notice tone="info" role="status" title={pageError} />}

      <section aria-labelledby="results-heading" className="space-y-4">
        <h2 id="results-heading" className="sr-only">
          {searching ? t("searchResults") : t("allPatients")}
        </h2>
        {total === null ? (
          <p role="status" className="text-base text-stone-700">
            {searching ? t("matchesMoreThan", { count: EXACT_TOTAL_UP_TO, q }) : t("careForMoreThan", { count: EXACT_TOTAL_UP_TO })}
          </p>
        ) : (
          total > 0 && (
            <p role="status" className="text-base text-stone-700">
              {searching ? t("matches", { count: total, q }) : t("careFor", { count: total })}
            </p>
          )
        )}

        {items.length > 0 ? (
          <PatientList patients={items} now={now} />
        ) : searching ? (
          <div role="status" className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-10 text-center">
            <p className="text-xl font-semibold">{t("noMatch", { q })}</p>
            <p className="mt-2 text-stone-700">{t("noMatchHint")}</p>
            <p className="mt-6">
              <Link href="/patients" className={buttonClasses("secondary")}>
                {t("showAll")}
              </Link>
            </p>
          </div>
        ) : (
          <div className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-12 text-center">
            <p className="text-xl font-semibold">{t("emptyTitle")}</p>
            <p className="mx-auto mt-2 max-w-prose text-stone-700">{t("emptyText")} </p>
            <p className="mt-6">
              <ButtonLink href="/patients/new">{t("addFirst")}</ButtonLink>
            </p>
          </div>
        )}

        {(next_cursor || query.cursor) && (
          <nav aria-label={t("pages")} className="flex flex-wrap justify-between gap-4">
            {query.cursor ? (
              <Link href={firstPage} className={buttonClasses("quiet")}>
                {t("firstPage")}
              </Link>
            ) : (
              <span />
            )}
            {next_cursor && (
              <Link href={`${firstPage}${firstPage.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(next_cursor)}`} className={buttonClasses("secondary")}>
                {t("nextPage")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
});
