import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import es from "@/messages/es";

/** Every key path of a catalogue ("namespace.group.key"), leaves only. */
function keys(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** The ICU arguments a message uses ({name}, {count, plural, ...}), sorted. */
function args(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[,}]/g)].map((m) => m[1]))].sort();
}

function leaf(catalogue: unknown, path: string): string {
  return path.split(".").reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], catalogue) as string;
}

describe("the dashboard's catalogues", () => {
  it("have the same keys in English and Spanish (a key missing in one fails here)", () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });
  it("hold only non-empty strings that use the same arguments in both languages", () => {
    for (const path of keys(en)) {
      const [a, b] = [leaf(en, path), leaf(es, path)];
      expect(typeof a === "string" && a.trim().length > 0, `en ${path}`).toBe(true);
      expect(typeof b === "string" && b.trim().length > 0, `es ${path}`).toBe(true);
      expect(args(b), path).toEqual(args(a));
    }
  });
});
