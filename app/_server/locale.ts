import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import { readCookie, readSessionCookie } from "@/lib/auth/session-cookie";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate";

/** The cookie a signed-out visitor's language choice is kept in (sign-in and sign-up pages). */
export const LOCALE_COOKIE = "elda_locale";

/**
 * The dashboard's language for this request: the signed-in caregiver's `language`, else the visitor's chosen
 * language (cookie), else the browser's `Accept-Language`, else English. One primary-key read per request.
 */
export const dashboardLocale = cache(async (): Promise<Locale> => {
  const h = await headers();
  const cookieHeader = h.get("cookie");
  const session = await readSessionCookie(cookieHeader);
  if (session) {
    const caregiver = await db.caregiver.findUnique({ where: { id: session.caregiverId }, select: { language: true } }).catch(() => null);
    if (caregiver && isLocale(caregiver.language)) return caregiver.language;
  }
  const chosen = readCookie(cookieHeader, LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(h.get("accept-language"));
});
