import { ChainWalker, GENESIS_HASH, type BrokenLink, type SealedRow } from "./audit-chain";

/**
 * Offline verification of an audit export (`npm run audit:verify -- --file <export>`): the JSON page(s) or
 * the CSV file of GET /api/v1/organizations/{id}/audit-events, checked link by link without the database.
 * A range export starts mid-chain: it is checked from its first row's previous hash. JSON is the exact
 * format; in CSV an absent value is an empty cell and a cell the export neutralized for spreadsheets
 * (a leading apostrophe before = + - @) is read back without it.
 */
type Exported = Omit<SealedRow, "sequence" | "hash" | "previous_hash"> & { sequence: number | null; hash: string | null; previous_hash: string | null };

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else field += c;
  }
  if (field !== "" || row.length) endRow();
  return rows;
}

const unneutralize = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

export function rowsFromExport(text: string, format: "json" | "csv"): Exported[] {
  if (format === "json") {
    const parsed = JSON.parse(text) as Exported[] | { items: Exported[] } | { items: Exported[] }[];
    if (Array.isArray(parsed)) return parsed.flatMap((p) => ("items" in (p as object) ? (p as { items: Exported[] }).items : [p as Exported]));
    return parsed.items;
  }
  const [header, ...lines] = parseCsv(text);
  return lines
    .filter((l) => l.length === header.length)
    .map((l) => {
      const o: Record<string, string | null> = {};
      header.forEach((h, i) => (o[h] = l[i] === "" ? null : unneutralize(l[i])));
      return {
        ...(o as unknown as Exported),
        metadata: o.metadata ? JSON.parse(o.metadata) : {},
        sequence: o.sequence === null ? null : Number(o.sequence),
      };
    });
}

export interface ExportCheck {
  ok: boolean;
  verified: number;
  /** rows not sealed yet when exported: not covered */
  unsealed: number;
  /** the first row's sequence, and whether the export starts at the very beginning of the chain */
  first_sequence: number | null;
  starts_at_genesis: boolean;
  last: { sequence: number; hash: string } | null;
  first_broken: BrokenLink | null;
}

export function verifyExportedRows(rows: Exported[]): ExportCheck {
  const sealed = rows.filter((r): r is SealedRow => r.sequence !== null && r.hash !== null && r.previous_hash !== null).sort((a, b) => a.sequence - b.sequence);
  const first = sealed[0];
  const walker = new ChainWalker(first ? { sequence: first.sequence - 1, hash: first.previous_hash } : { sequence: 0, hash: GENESIS_HASH });
  walker.feed(sealed);
  return {
    ok: !walker.broken,
    verified: walker.checked,
    unsealed: rows.length - sealed.length,
    first_sequence: first?.sequence ?? null,
    starts_at_genesis: !!first && first.sequence === 1 && first.previous_hash === GENESIS_HASH,
    last: walker.checked ? walker.last : null,
    first_broken: walker.broken,
  };
}
