/** How deep free-form JSON may nest (a request body, `personal_context`, a heartbeat's `details`). */
export const MAX_JSON_DEPTH = 32;

/** PostgreSQL cannot store the NUL character in text or jsonb (SQLSTATE 22021, 22P05): Elda refuses it at the door. */
export const NUL_MESSAGE = "Text may not contain the NUL character (\\u0000).";

export const hasNul = (s: string) => s.includes("\u0000");

/**
 * What makes a JSON value unstorable or dangerous to walk, or null: a NUL character in a string or an object
 * key, or nesting deeper than MAX_JSON_DEPTH. A loop over an explicit stack, so 100,000 levels of `[[[...]]]`
 * cost a short scan and never the call stack (which JSON.stringify would overflow).
 */
export function jsonHazard(value: unknown): { path: string; message: string } | null {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: "" }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (typeof v === "string") {
      if (hasNul(v)) return { path, message: NUL_MESSAGE };
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) return { path, message: `Nested deeper than ${MAX_JSON_DEPTH} levels.` };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1, path: join(path, String(i)) });
      continue;
    }
    for (const [k, inner] of Object.entries(v)) {
      if (hasNul(k)) return { path, message: NUL_MESSAGE };
      stack.push({ v: inner, depth: depth + 1, path: join(path, k) });
    }
  }
  return null;
}

/** The length of the value's JSON text, for size limits; call it only on a value jsonHazard passed. */
export const jsonLength = (value: unknown) => JSON.stringify(value).length;

const join = (path: string, key: string) => (path ? `${path}.${key}` : key.slice(0, 100));
