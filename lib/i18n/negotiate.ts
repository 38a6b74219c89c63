import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

/**
 * The best of our locales for an `Accept-Language` header (RFC 9110 §12.5.4): the highest-weighted range whose
 * primary subtag we have a catalogue for, English when none matches. `q=0` means "not this one".
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split("-")[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const match = ranges.find((r) => (LOCALES as readonly string[]).includes(r.primary));
  return (match?.primary as Locale | undefined) ?? DEFAULT_LOCALE;
}
