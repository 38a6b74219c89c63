import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/auditActions.json";
import es from "@/messages/es/auditActions.json";

/** Every source file of the app (not tests, not the generated client). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return path.includes("generated") ? [] : sources(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [readFileSync(path, "utf8")] : [];
  });
}

/** The audit actions the code writes: `"area.verb"` literals on the lines that name an action, in the areas the trail knows. */
const WRITTEN = new Set(
  [...sources("lib"), ...sources("app")]
    .flatMap((text) => text.split("\n").filter((line) => /\baction\s*[:=]|auditBothSides\(/.test(line)))
    .flatMap((line) => [...line.matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)].map((m) => m[1]))
    .filter((code) => Object.keys(en).includes(code.split(".")[0])),
);

const label = (catalogue: object, code: string) =>
  code.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), catalogue);

describe("the audit trail's actions in words", () => {
  it("has an English and a Spanish label for every action the code records", () => {
    expect(WRITTEN.size).toBeGreaterThan(90);
    const missing = [...WRITTEN].filter((code) => typeof label(en, code) !== "string" || typeof label(es, code) !== "string");
    expect(missing).toEqual([]);
  });

  it("says them in Spanish", () => {
    expect(label(es, "patient.read")).toBe("Paciente consultado");
    expect(label(es, "auth.two_factor_enabled")).toBe("Verificación en dos pasos activada");
  });
});
