import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/dashboard/form-state";
import { NavLink } from "./nav-link";
import { OrganizationSwitcher } from "./organization-switcher";

type Org = { id: string; name: string };

/** The dashboard's header: brand, sections, who is signed in, sign out (a form: works without script). */
export async function SiteHeader({
  caregiverName,
  signOutAction,
  organizations,
  currentOrganization,
  switchAction,
}: {
  caregiverName: string;
  signOutAction: () => Promise<void>;
  organizations: Org[];
  currentOrganization: Org | null;
  switchAction: (prev: FormState, form: FormData) => Promise<FormState>;
}) {
  const t = await getTranslations("layout");
  return (
    <header className="border-b border-stone-200 bg-white px-6">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 py-3">
        <Link href="/" className="inline-flex items-center gap-3 text-2xl font-bold tracking-tight text-teal-900">
          <span aria-hidden="true" className="grid size-10 place-items-center rounded-xl bg-teal-700 text-xl font-bold text-white">
            E
          </span>
          Elda
        </Link>
        <nav aria-label={t("nav.main")} className="flex-1">
          <ul className="flex gap-2">
            <li>
              <NavLink href="/" exact>
                {t("nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink href="/patients">{t("nav.patients")}</NavLink>
            </li>
            <li>
              <NavLink href="/alerts">{t("nav.alerts")}</NavLink>
            </li>
            <li>
              <NavLink href="/reports">{t("nav.reports")}</NavLink>
            </li>
            <li>
              <NavLink href="/settings">{t("nav.settings")}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-4">
          {currentOrganization && <OrganizationSwitcher organizations={organizations} current={currentOrganization} action={switchAction} />}
          <p className="hidden text-base text-stone-600 sm:block">
            {t.rich("signedInAs", { name: caregiverName, strong: (chunks) => <span className="font-semibold text-stone-900">{chunks}</span> })}
          </p>
          <form action={signOutAction}>
            <button
              type="submit"
              className="inline-flex min-h-12 items-center rounded-lg border-2 border-stone-300 bg-white px-4 font-semibold text-stone-800 hover:border-stone-500 hover:bg-stone-50"
            >
              {t("signOut")}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
