import { z } from "zod";
import { ValidationFailed } from "./errors";
import { isUuid } from "@/lib/is-uuid";

/**
 * Cursor pagination (SPEC §4): `limit` (default 20, max 100), an opaque `cursor` from the previous page's
 * `next_cursor`, `order`. The cursor holds the sort key values of the last item plus its id, so pages stay
 * stable while rows are added (keyset pagination, one index range scan per page).
 */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(1000).optional(),
  order: z.enum(["asc", "desc"]).default("desc"),
};

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  total?: number;
}

export type CursorValue = string | number | boolean | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export const invalidCursor = () => new ValidationFailed([{ field: "cursor", message: "The cursor is invalid. Start again without it." }]);

export function decodeCursor(cursor: string, length: number): CursorValue[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === length) return v;
  } catch {
    /* fall through */
  }
  throw invalidCursor();
}

export interface SortKey {
  /** Prisma field name */
  field: string;
  /** how the cursor value is revived */
  type: "date" | "string" | "number";
}

/**
 * A cursor value checked against its sort key's type before it goes near a query: the client holds the cursor
 * and may hand back anything (an object, a number for a string, a non-UUID id, a date in year 0), and each
 * of those answers 422 like any other invalid field, never a database error.
 */
function revive(type: SortKey["type"], v: CursorValue, isId: boolean): string | number | Date {
  if (isId) {
    if (isUuid(v)) return v;
  } else if (type === "string") {
    if (typeof v === "string" && v.length <= 1000 && !v.includes("\u0000")) return v;
  } else if (type === "number") {
    if (typeof v === "number" && Number.isFinite(v)) return v;
  } else if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(v)) {
    const d = new Date(v);
    const year = d.getUTCFullYear();
    if (!Number.isNaN(d.getTime()) && year >= 1800 && year <= 2200) return d;
  }
  throw invalidCursor();
}

/** A cursor's values over (keys..., id), each checked against its key's type (422 when one does not fit). */
export function cursorValues(keys: SortKey[], cursor: string): (string | number | Date)[] {
  return decodeCursor(cursor, keys.length + 1).map((v, i) => revive(i < keys.length ? keys[i].type : "string", v, i === keys.length));
}

/** Prisma `where` for "after this cursor" over (keys..., id) in the given order. */
function keysetWhere(keys: SortKey[], order: "asc" | "desc", cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  const all: SortKey[] = [...keys, { field: "id", type: "string" }];
  const values = cursorValues(keys, cursor);
  const op = order === "asc" ? "gt" : "lt";
  const ors = all.map((k, i) => {
    const clause: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) clause[all[j].field] = values[j];
    clause[k.field] = { [op]: values[i] };
    return clause;
  });
  return { OR: ors };
}

/** The ORDER BY of a keyset page (its keys, then `id` to break ties). */
export function orderByFor(keys: SortKey[], order: "asc" | "desc") {
  return [...keys.map((k) => ({ [k.field]: order })), { id: order }];
}

/** What a page is asked with: the parsed `pageQuery` (or a fixed window, as the CSV export's batches). */
export interface PageWindow {
  order: "asc" | "desc";
  cursor?: string;
  limit: number;
}

/**
 * The tail of every keyset-paginated query, spread into `findMany`: the caller's filters and "after the cursor",
 * the order (the sort keys, then id) and one row more than the page, which `toPage` slices into `next_cursor`.
 */
export function pageArgs<W extends object>(where: W, keys: SortKey[], q: PageWindow) {
  const after = keysetWhere(keys, q.order, q.cursor);
  return { where: after ? { AND: [where, after] } : where, orderBy: orderByFor(keys, q.order), take: q.limit + 1 };
}

/** Slice one extra row off the query result into `next_cursor`. Query with `pageArgs`. */
export function toPage<R extends { id: string }, T>(rows: R[], limit: number, keys: SortKey[], present: (r: R) => T, total?: number): Page<T> {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  const last = slice[slice.length - 1] as Record<string, unknown> | undefined;
  const next_cursor =
    more && last
      ? encodeCursor([
          ...keys.map((k) => {
            const v = last[k.field];
            return v instanceof Date ? v.toISOString() : (v as CursorValue);
          }),
          last.id as string,
        ])
      : null;
  return { items: slice.map(present), next_cursor, ...(total !== undefined ? { total } : {}) };
}

/** The list envelope, for the OpenAPI document. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next_cursor: z.string().nullable(), total: z.number().optional() });
