import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import es from "@/messages/es";

/** Every key path of a catalogue ("namespace.group.key"), leaves only. */
function keys(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * The ICU arguments a message uses ({name}, {count, plural, ...}), sorted: a small parser, so the words of a
 * plural or select branch (`one {point}`) are text, not arguments.
 */
function args(message: string): string[] {
  const found = new Set<string>();
  let i = 0;
  const skipSpace = () => {
    while (/\s/.test(message[i] ?? "")) i++;
  };
  const word = () => {
    skipSpace();
    const start = i;
    while (i < message.length && !/[\s,{}]/.test(message[i])) i++;
    return message.slice(start, i);
  };
  // text up to the closing brace of a branch (or the end), with the arguments inside it
  const text = () => {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") argument();
      else i++;
    }
  };
  const argument = () => {
    i++; // {
    found.add(word());
    skipSpace();
    if (message[i] === ",") {
      i++;
      const type = word();
      skipSpace();
      if (message[i] === ",") i++;
      if (["plural", "select", "selectordinal"].includes(type)) {
        for (skipSpace(); i < message.length && message[i] !== "}"; skipSpace()) {
          word(); // the branch's key (one, other, =0, up)
          skipSpace();
          if (message[i] !== "{") break;
          i++;
          text();
          i++; // }
        }
      } else while (i < message.length && message[i] !== "}") i++; // a number or date style
    }
    i++; // }
  };
  text();
  return [...found].sort();
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
