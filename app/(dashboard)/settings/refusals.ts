import { createTranslator } from "next-intl";
import type { FormState } from "@/lib/dashboard/form-state";
import type { Locale } from "@/lib/i18n/locales";
import { translateServerMessage } from "@/lib/i18n/server-messages";
import enSettings from "@/messages/en/settings.json";
import esSettings from "@/messages/es/settings.json";
import enTwoFactor from "@/messages/en/twoFactor.json";
import esTwoFactor from "@/messages/es/twoFactor.json";

/**
 * The refusals of the personal settings and sign-in forms that the shared `validation` catalogue does not
 * hold yet (password rules, wrong codes, lock-outs): looked up by their English text in `settings.refusals`
 * and `twoFactor.refusals`, and by shape in the `refusalPatterns` groups (a number in the sentence). A
 * sentence found nowhere shows as written, as lib/i18n/server-messages.ts does.
 */
const groups = {
  en: [enSettings.refusals, enTwoFactor.refusals],
  es: [esSettings.refusals, esTwoFactor.refusals],
} satisfies Record<Locale, Record<string, string>[]>;
const patterns = {
  en: [enSettings.refusalPatterns, enTwoFactor.refusalPatterns],
  es: [esSettings.refusalPatterns, esTwoFactor.refusalPatterns],
} satisfies Record<Locale, Record<string, string>[]>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** "Use at least {count} characters." (or "in {count, plural, other {# minutes}}") as a regular expression catching the count. */
const shapeOf = (english: string) =>
  new RegExp(`^${escape(english.replace(/\{count, plural, other \{# ([^}]*)\}\}/g, "{count} $1")).replace(/\\\{count\\\}/g, "(\\d+)")}$`);

/** `message` (English) in `locale`: the shared catalogue first, then this area's. */
export function localizeRefusal(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const shared = translateServerMessage(message, locale);
  if (shared !== message) return shared;
  for (const [i, group] of groups.en.entries()) {
    const key = Object.entries(group).find(([, text]) => text === message)?.[0];
    if (key) return (groups[locale][i] as Record<string, string>)[key] ?? message;
  }
  for (const [i, group] of patterns.en.entries()) {
    for (const [key, text] of Object.entries(group)) {
      const m = shapeOf(text).exec(message);
      const target = (patterns[locale][i] as Record<string, string>)[key];
      if (m && target) {
        const say = createTranslator({ locale, messages: { p: { said: target } } as Record<string, Record<string, string>>, namespace: "p" });
        return (say as unknown as (key: string, values: { count: number }) => string)("said", { count: Number(m[1]) });
      }
    }
  }
  return message;
}

/** A form state with its message and field errors in `locale`. */
export function localizeState<S extends FormState>(state: S, locale: Locale): S {
  if (locale === "en") return state;
  const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).map(([k, v]) => [k, localizeRefusal(v, locale)]));
  return { ...state, message: state.message && localizeRefusal(state.message, locale), fieldErrors };
}
