import type { Locale } from "@/lib/i18n/locales";

/**
 * Number words a narrative may spell out, by language (0-20 and the tens to 100). "one"/"un"/"una"/"uno" are
 * left out: they are articles and pronouns far more often than counts.
 */
const WORDS: Record<Locale, string[]> = {
  en: "zero,,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,thirteen,fourteen,fifteen,sixteen,seventeen,eighteen,nineteen,twenty".split(","),
  es: "cero,,dos,tres,cuatro,cinco,seis,siete,ocho,nueve,diez,once,doce,trece,catorce,quince,dieciséis,diecisiete,dieciocho,diecinueve,veinte".split(","),
};
const TENS: Record<Locale, Record<string, number>> = {
  en: { thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100 },
  es: { treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90, cien: 100 },
};

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The numbers in `text` that are not in `allowed` (docs/decisions/031): digits (decimals with a point or a
 * comma), clock times (their hour must be allowed; minutes only ":00"), and spelled-out numbers.
 */
export function inventedNumbers(text: string, locale: Locale, allowed: Set<number>): string[] {
  const invented: string[] = [];
  const rest = text.replace(/\b(\d{1,2}):(\d{2})\b/g, (all, h: string, mm: string) => {
    if (!allowed.has(Number(h)) || mm !== "00") invented.push(all);
    return " ";
  });
  for (const [raw] of rest.matchAll(/\d+(?:[.,]\d+)?/g)) {
    const n = Number(raw.replace(",", "."));
    if (!allowed.has(n)) invented.push(raw);
  }
  const words = new Map<string, number>([...WORDS[locale].map((w, i) => [fold(w), i] as [string, number]), ...Object.entries(TENS[locale])]);
  words.delete("");
  for (const w of fold(rest).split(/[^\p{L}]+/u)) {
    const n = words.get(w);
    if (n !== undefined && !allowed.has(n)) invented.push(w);
  }
  return invented;
}
