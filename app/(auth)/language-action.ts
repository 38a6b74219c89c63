"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { config } from "@/lib/config";
import { isLocale } from "@/lib/i18n/locales";
import { LOCALE_COOKIE } from "@/app/_server/locale";

/** A signed-out visitor's language choice (sign-in, sign-up, invitation pages): a cookie for a year, then the same page again. */
export async function chooseLanguageAction(form: FormData): Promise<void> {
  const locale = form.get("locale");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      sameSite: "lax",
      secure: config().appUrl.startsWith("https:"),
      path: "/",
      maxAge: 365 * 24 * 3600,
    });
  }
  redirect(samePage((await headers()).get("referer")));
}

/** The page the form was on (its path and query only: never another site), else the sign-in page. */
function samePage(referer: string | null): string {
  if (!referer) return "/login";
  try {
    const url = new URL(referer);
    return url.pathname.startsWith("//") ? "/login" : `${url.pathname}${url.search}`;
  } catch {
    return "/login";
  }
}
