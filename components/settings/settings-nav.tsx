"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export const SETTINGS_SECTIONS = [
  { href: "/settings/profile", label: "profile" },
  { href: "/settings/notifications", label: "notifications" },
  { href: "/settings/password", label: "password" },
  { href: "/settings/security", label: "security" },
  { href: "/settings/api-keys", label: "apiKeys" },
  { href: "/settings/organization", label: "organization" },
] as const;

/** The settings sub-navigation; the current section is marked for assistive technology and by sight. */
export function SettingsNav() {
  const path = usePathname();
  const t = useTranslations("settings.nav");
  return (
    <nav aria-label={t("title")}>
      <ul className="flex flex-wrap gap-2 sm:flex-col sm:gap-1">
        {SETTINGS_SECTIONS.map(({ href, label }) => {
          const current = path === href || path.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`flex min-h-12 items-center rounded-lg px-4 font-semibold ${
                  current ? "border-l-4 border-teal-700 bg-teal-50 text-teal-900" : "text-stone-700 hover:bg-stone-100 hover:text-stone-900"
                }`}
              >
                {t(`sections.${label}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
