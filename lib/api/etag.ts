import { createHash } from "node:crypto";

const known = new WeakMap<object, string>();

/**
 * A strong entity tag over a JSON value: the same content, the same tag, on every instance. A value handed
 * again by identity (a document built once per process) is hashed once.
 */
export function strongEtag(content: unknown): string {
  const hit = typeof content === "object" && content !== null ? known.get(content) : undefined;
  if (hit) return hit;
  const tag = `"${createHash("sha256").update(JSON.stringify(content)).digest("base64url").slice(0, 32)}"`;
  if (typeof content === "object" && content !== null) known.set(content, tag);
  return tag;
}

/** If-None-Match (RFC 9110 §13.1.2): `*`, or a list of tags compared weakly (a W/ prefix is ignored). */
export function matchesIfNoneMatch(header: string | null, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === tag);
}
