import Link from "next/link";
import { getTranslations } from "next-intl/server";

const TABS = [
  { key: "members", href: "/settings/organization" },
  { key: "facilities", href: "/settings/organization/facilities" },
  { key: "invitations", href: "/settings/organization/invitations" },
  { key: "audit", href: "/settings/organization/audit" },
  { key: "ownership", href: "/settings/organization/ownership" },
  { key: "transfers", href: "/settings/organization/transfers" },
  { key: "usage", href: "/settings/organization/usage" },
  { key: "new", href: "/settings/organization/new" },
] as const;

/** The organization admin area's sections (links: they work without script); the current one is marked. */
export async function OrganizationTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("organization.tabs");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-2 border-b border-stone-200 pb-2">
        {TABS.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={`inline-flex min-h-12 items-center rounded-lg px-4 font-semibold ${
                tab.key === current
                  ? "bg-teal-50 text-teal-900 underline decoration-2 underline-offset-8"
                  : "text-stone-700 hover:bg-stone-100 hover:text-stone-900"
              }`}
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
