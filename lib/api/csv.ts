/**
 * CSV for downloads (RFC 4180), shared by every export. Text cells that a spreadsheet would read as a
 * formula (starting with = + - @, a tab or a carriage return) get a leading apostrophe, so opening an
 * export never runs what someone typed into a name, a note or a metadata value (CSV/formula injection).
 * Numbers are written as they are: -3 is a number, not a formula.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: empty for no value; neutralized when it could start a formula; quoted when it holds a comma, quote or line break. */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One line, with its CRLF. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",") + "\r\n";
}
