"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const TABS = [
  { slug: "", label: "overview" },
  { slug: "routine", label: "routine" },
  { slug: "conversations", label: "conversations" },
  { slug: "alerts", label: "alerts" },
  { slug: "notes", label: "notes" },
  { slug: "insights", label: "insights" },
  { slug: "reports", label: "reports" },
] as const;

/** The patient's sections; the current one carries aria-current="page" and a visible underline. */
export function PatientTabs({ patientId }: { patientId: string }) {
  const path = usePathname();
  const t = useTranslations("patients.tabs");
  const base = `/patients/${patientId}`;
  const under = (slug: string) => path === `${base}/${slug}` || path.startsWith(`${base}/${slug}/`);
  // the overview owns the patient's other pages (such as editing the profile)
  const inOtherTab = TABS.some(({ slug }) => slug && under(slug));
  return (
    <nav aria-label={t("label")} className="border-b border-stone-200">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {TABS.map(({ slug, label }) => {
          const href = slug ? `${base}/${slug}` : base;
          const current = slug ? under(slug) : !inOtherTab;
          return (
            <li key={label}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-12 items-center border-b-4 px-3 text-lg font-semibold ${
                  current ? "border-teal-700 text-teal-900" : "border-transparent text-stone-700 hover:border-stone-300 hover:text-stone-900"
                }`}
              >
                {t(label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
