import Link from "next/link";

const TABS = [
  { key: "members", href: "/settings/organization", label: "Members and settings" },
  { key: "facilities", href: "/settings/organization/facilities", label: "Facilities" },
  { key: "invitations", href: "/settings/organization/invitations", label: "Invitations" },
  { key: "audit", href: "/settings/organization/audit", label: "Audit trail" },
  { key: "ownership", href: "/settings/organization/ownership", label: "Ownership, leaving, deleting" },
  { key: "transfers", href: "/settings/organization/transfers", label: "Transfers" },
  { key: "usage", href: "/settings/organization/usage", label: "Usage" },
  { key: "new", href: "/settings/organization/new", label: "New organization" },
] as const;

/** The organization admin area's sections (links: they work without script); the current one is marked. */
export function OrganizationTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  return (
    <nav aria-label="Organization sections">
      <ul className="flex flex-wrap gap-2 border-b border-stone-200 pb-2">
        {TABS.map((t) => (
          <li key={t.key}>
            <Link
              href={t.href}
              aria-current={t.key === current ? "page" : undefined}
              className={`inline-flex min-h-12 items-center rounded-lg px-4 font-semibold ${
                t.key === current
                  ? "bg-teal-50 text-teal-900 underline decoration-2 underline-offset-8"
                  : "text-stone-700 hover:bg-stone-100 hover:text-stone-900"
              }`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
