"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A header link that knows whether it is the current section (aria-current + a visible underline). */
export function NavLink({ href, exact = false, children }: { href: string; exact?: boolean; children: React.ReactNode }) {
  const path = usePathname();
  const current = path === href || (!exact && path.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`inline-flex min-h-12 items-center rounded-md px-3 font-semibold ${
        current
          ? "text-teal-900 underline decoration-teal-700 decoration-[3px] underline-offset-[10px]"
          : "text-stone-700 hover:bg-stone-100 hover:text-stone-900"
      }`}
    >
      {children}
    </Link>
  );
}
