import Link from "next/link";
import { useTranslations } from "next-intl";

/** The way back up from a page ("← All patients"), as a breadcrumb landmark. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  const t = useTranslations("layout.nav");
  return (
    <nav aria-label={t("breadcrumb")}>
      <Link href={href} className="font-semibold text-teal-800 underline underline-offset-4 hover:no-underline">
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </nav>
  );
}
