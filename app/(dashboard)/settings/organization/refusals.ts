import "server-only";
import { createTranslator } from "next-intl";
import { getLocale } from "next-intl/server";
import { AppError } from "@/lib/api/errors";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en/organization.json";
import es from "@/messages/es/organization.json";

/**
 * The domain's refusals on the organization admin, invitation and transfer forms in the caregiver's language.
 * The domain (and the API) keep writing English (decision 029); these sentences are looked up by their English
 * text in `organization.refusals`, the ones with values in them by a pattern, before the form state is built.
 * A sentence found nowhere stays as written.
 */
type Key = keyof typeof en.refusals;
type Values = Record<string, string | number>;

const byText = new Map(Object.entries(en.refusals).map(([key, text]) => [text, key as Key]));

const PATTERNS: [RegExp, Key, (m: RegExpMatchArray) => Values][] = [
  [/^(\w+) not found\.$/, "notFound", (m) => ({ thing: m[1] })],
  [/^Type the organization's name exactly as shown: (.+)$/s, "typeName", (m) => ({ name: m[1] })],
  [/^This invitation was (\w+); send a new one instead\.$/, "invitationWas", (m) => ({ status: m[1] })],
  [/^This invitation is (\w+)\. Ask for a new one\.$/, "invitationIs", (m) => ({ status: m[1] })],
  [/^This transfer is (\w+)\.$/, "transferIs", (m) => ({ status: m[1] })],
  [
    /^(You are|This caregiver is) the only primary caregiver of (.+)\. Make someone else their primary caregiver first, so escalation always has someone to call\.$/s,
    "onlyPrimary",
    (m) => ({ who: m[1] === "You are" ? "you" : "member", names: m[2] }),
  ],
  [
    /^(?:A patient transfer|(\d+) patient transfers) out of this organization (?:is|are) pending\. Wait until the destination accepts or declines it, or it expires, before deleting the organization\.$/,
    "transfersPending",
    (m) => ({ count: m[1] ? Number(m[1]) : 1 }),
  ],
];

const translators = {
  en: createTranslator({ locale: "en", messages: { refusals: en.refusals }, namespace: "refusals" }),
  es: createTranslator({ locale: "es", messages: { refusals: es.refusals }, namespace: "refusals" }),
} satisfies Record<Locale, unknown>;

/** A domain refusal (English) in `locale`; unchanged when it is not one of the catalogue's. */
export function sayRefusal(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const t = translators[locale] as unknown as (key: Key, values?: Values) => string;
  const key = byText.get(message);
  if (key) return t(key);
  for (const [pattern, k, values] of PATTERNS) {
    const m = message.match(pattern);
    if (m) return t(k, values(m));
  }
  return message;
}

/** `work`, its domain refusal (an AppError, with its field errors) said in the caregiver's language. */
export async function inCaregiverWords<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AppError) {
      const locale = await getLocale();
      err.message = sayRefusal(err.message, locale);
      for (const e of err.extra.errors ?? []) e.message = sayRefusal(e.message, locale);
    }
    throw err;
  }
}
