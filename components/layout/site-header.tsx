import Link from "next/link";
import type { FormState } from "@/lib/dashboard/form-state";
import { NavLink } from "./nav-link";
import { OrganizationSwitcher } from "./organization-switcher";

type Org = { id: string; name: string };

/** The dashboard's header: brand, sections, who is signed in, sign out (a form: works without script). */
export function SiteHeader({
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
  return (
    <header className="border-b border-stone-200 bg-white px-6">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 py-3">
        <Link href="/" className="inline-flex items-center gap-3 text-2xl font-bold tracking-tight text-teal-900">
          <span aria-hidden="true" className="grid size-10 place-items-center rounded-xl bg-teal-700 text-xl font-bold text-white">
            E
          </span>
          Elda
        </Link>
        <nav aria-label="Main" className="flex-1">
          <ul className="flex gap-2">
            <li>
              <NavLink href="/" exact>
                Home
              </NavLink>
            </li>
            <li>
              <NavLink href="/patients">Patients</NavLink>
            </li>
            <li>
              <NavLink href="/alerts">Alerts</NavLink>
            </li>
            <li>
              <NavLink href="/reports">Reports</NavLink>
            </li>
            <li>
              <NavLink href="/settings">Settings</NavLink>
            </li>
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-4">
          {currentOrganization && <OrganizationSwitcher organizations={organizations} current={currentOrganization} action={switchAction} />}
          <p className="hidden text-base text-stone-600 sm:block">
            Signed in as <span className="font-semibold text-stone-900">{caregiverName}</span>
          </p>
          <form action={signOutAction}>
            <button
              type="submit"
              className="inline-flex min-h-12 items-center rounded-lg border-2 border-stone-300 bg-white px-4 font-semibold text-stone-800 hover:border-stone-500 hover:bg-stone-50"
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
