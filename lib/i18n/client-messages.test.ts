import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import es from "@/messages/es";
import { CLIENT_MESSAGE_PATHS, clientMessages } from "./client-messages";

/** Every .tsx file of the pages and components. */
function tsx(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    return d.isDirectory() ? tsx(path) : d.name.endsWith(".tsx") ? [path] : [];
  });
}
const FILES = [...tsx("app"), ...tsx("components")].map((f) => [f, readFileSync(f, "utf8")] as const);
const covered = (ns: string) => CLIENT_MESSAGE_PATHS.some((p) => ns === p || ns.startsWith(`${p}.`));

describe("the messages sent to the browser", () => {
  it("hold every namespace a component reads with useTranslations (it may render in the browser)", () => {
    const read = FILES.flatMap(([file, text]) => [...text.matchAll(/useTranslations\(([^)]*)\)/g)].map((m) => ({ file, arg: m[1] })));
    expect(read.length).toBeGreaterThan(50);
    // a namespace is named in each call, so the list can be checked
    expect(read.filter((r) => !/^"[\w.]+"$/.test(r.arg))).toEqual([]);
    expect(read.filter((r) => !covered(r.arg.slice(1, -1)))).toEqual([]);
  });

  it("leave the server's own messages out: about half of a locale's catalogue, the same parts in each locale", () => {
    for (const all of [en, es]) {
      const sent = clientMessages(all);
      expect(sent).not.toHaveProperty("validation");
      expect(sent).not.toHaveProperty("reports");
      expect(JSON.stringify(sent).length).toBeLessThan(0.65 * JSON.stringify(all).length);
    }
    expect(clientMessages(es).patients).toHaveProperty("shared.readOnly");
    const shape = (m: object): unknown => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === "object" ? shape(v) : 1]));
    expect(shape(clientMessages(es))).toEqual(shape(clientMessages(en)));
  });
});
