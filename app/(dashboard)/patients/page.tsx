import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { clock } from "@/lib/clock";
import { ValidationFailed } from "@/lib/api/errors";
import { listPatients } from "@/lib/patients/list-patients";
import { listPatientsQuery } from "@/lib/patients/schemas";
import { signedInPage } from "@/app/_server/page";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PatientList } from "@/components/patients/patient-list";

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
  const parsed = listPatientsQuery.safeParse({ q: one(sp.q) || undefined, cursor: one(sp.cursor) || undefined });
  const query = parsed.success ? parsed.data : listPatientsQuery.parse({});
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
  const { items, next_cursor, total = items.length } = page;
  const searching = q.length > 0;
  const firstPage = searching ? `/patients?q=${encodeURIComponent(q)}` : "/patients";

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

      <form action="/patients" method="get" role="search" aria-label={t("searchForm")} className="flex flex-wrap items-end gap-3">
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
        {total > 0 && (
          <p role="status" className="text-base text-stone-700">
            {searching ? t("matches", { count: total, q }) : t("careFor", { count: total })}
          </p>
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
              <Link href={`${firstPage}${searching ? "&" : "?"}cursor=${encodeURIComponent(next_cursor)}`} className={buttonClasses("secondary")}>
                {t("nextPage")}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
});
