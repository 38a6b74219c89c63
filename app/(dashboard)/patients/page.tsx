import type { Metadata } from "next";
import Link from "next/link";
import { clock } from "@/lib/clock";
import { ValidationFailed } from "@/lib/api/errors";
import { EXACT_TOTAL_UP_TO, listPatients } from "@/lib/patients/list-patients";
import { listPatientsQuery } from "@/lib/patients/schemas";
import { signedInPage } from "@/app/_server/page";
import { plural } from "@/lib/dashboard/format";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PatientList } from "@/components/patients/patient-list";

export const metadata: Metadata = { title: "Patients" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default signedInPage(async function PatientsPage({ searchParams }: { searchParams: SearchParams }, { actor }) {
  const sp = await searchParams;
  const now = clock.now();
  // only the parameters this page offers; the schema refuses unknown ones
  const parsed = listPatientsQuery.safeParse({ q: one(sp.q) || undefined, cursor: one(sp.cursor) || undefined });
  const query = parsed.success ? parsed.data : listPatientsQuery.parse({});
  const searchError = parsed.success ? undefined : "Search with at most 100 characters.";
  const q = query.q ?? "";

  let page;
  let pageError: string | undefined;
  try {
    page = await listPatients(actor, query, now);
  } catch (err) {
    if (!(err instanceof ValidationFailed)) throw err;
    pageError = "That page of results is no longer available.";
    page = await listPatients(actor, { ...query, cursor: undefined }, now);
  }
  const { items, next_cursor } = page;
  // no total past EXACT_TOTAL_UP_TO matches (a page with more after it); a last page without one counts itself
  const total = page.total ?? (next_cursor ? null : items.length);
  const searching = q.length > 0;
  const firstPage = searching ? `/patients?q=${encodeURIComponent(q)}` : "/patients";

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Patients</h1>
          <p className="mt-1 text-stone-700">The people you care for.</p>
        </div>
        <ButtonLink href="/patients/new">
          <span aria-hidden="true" className="text-2xl leading-none">
            +
          </span>
          Add a patient
        </ButtonLink>
      </div>

      {one(sp.welcome) !== undefined && <Notice tone="success" role="status" title="Welcome to Elda. Your account is ready." />}

      <form action="/patients" method="get" role="search" aria-label="Patients" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="patient-search" className="block font-semibold">
            Search by name
          </label>
          {searchError && (
            <p id="patient-search-error" className="mt-1 text-base font-semibold text-red-700">
              <span className="sr-only">Error: </span>
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
          Search
        </button>
        {searching && (
          <Link href="/patients" className={buttonClasses("quiet")}>
            Clear search
          </Link>
        )}
      </form>

      {pageError && <Notice tone="info" role="status" title={pageError} />}

      <section aria-labelledby="results-heading" className="space-y-4">
        <h2 id="results-heading" className="sr-only">
          {searching ? "Search results" : "All patients"}
        </h2>
        {total === null ? (
          <p role="status" className="text-base text-stone-700">
            {searching ? (
              <>
                More than {EXACT_TOTAL_UP_TO.toLocaleString("en")} patients match “{q}”.
              </>
            ) : (
              <>You care for more than {EXACT_TOTAL_UP_TO.toLocaleString("en")} patients.</>
            )}
          </p>
        ) : (
          total > 0 && (
            <p role="status" className="text-base text-stone-700">
              {searching ? (
                <>
                  {plural(total, "patient")} {total === 1 ? "matches" : "match"} “{q}”.
                </>
              ) : (
                <>You care for {plural(total, "patient")}.</>
              )}
            </p>
          )
        )}

        {items.length > 0 ? (
          <PatientList patients={items} now={now} />
        ) : searching ? (
          <div role="status" className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-10 text-center">
            <p className="text-xl font-semibold">No patients match “{q}”.</p>
            <p className="mt-2 text-stone-700">Check the spelling, or search by first name, last name or preferred name.</p>
            <p className="mt-6">
              <Link href="/patients" className={buttonClasses("secondary")}>
                Show all patients
              </Link>
            </p>
          </div>
        ) : (
          <div className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-12 text-center">
            <p className="text-xl font-semibold">No patients yet — add the first person you care for.</p>
            <p className="mx-auto mt-2 max-w-prose text-stone-700">
              Once they are here you can see when they were last active, and later set up reminders and check-ins.
            </p>
            <p className="mt-6">
              <ButtonLink href="/patients/new">Add the first patient</ButtonLink>
            </p>
          </div>
        )}

        {(next_cursor || query.cursor) && (
          <nav aria-label="Pages of patients" className="flex flex-wrap justify-between gap-4">
            {query.cursor ? (
              <Link href={firstPage} className={buttonClasses("quiet")}>
                Back to the first page
              </Link>
            ) : (
              <span />
            )}
            {next_cursor && (
              <Link href={`${firstPage}${searching ? "&" : "?"}cursor=${encodeURIComponent(next_cursor)}`} className={buttonClasses("secondary")}>
                Next page
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
});
