import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/validation.json";
import { translateServerMessage } from "./server-messages";

/** Every custom English message a schema writes (`message: "..."`, `error: "..."`) in lib/<area>/schemas.ts and lib/validation. */
function schemaMessages(): string[] {
  const files = [
    ...readdirSync("lib", { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join("lib", d.name, "schemas.ts"))
      .filter((f) => {
        try {
          return readFileSync(f) && true;
        } catch {
          return false;
        }
      }),
    ...readdirSync("lib/validation")
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => join("lib/validation", f)),
  ];
  return [...new Set(files.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/(?:message|error): *"([^"]+)"/g)].map((m) => m[1])))];
}

describe("a form's refusal in the caregiver's language", () => {
  it("has a Spanish translation for every custom message a schema writes (add it to validation.json)", () => {
    const messages = schemaMessages();
    expect(messages.length).toBeGreaterThan(30);
    const known = new Set([...Object.values(en.form), ...Object.values(en.messages)]);
    expect(messages.filter((m) => !known.has(m))).toEqual([]);
    for (const m of messages) expect(translateServerMessage(m, "es"), m).not.toBe(m);
  });
  it("leaves English as written, and an unknown sentence unchanged", () => {
    expect(translateServerMessage("Enter a valid email address.", "en")).toBe("Enter a valid email address.");
    expect(translateServerMessage("Enter a valid email address.", "es")).toBe("Introduzca un correo electrónico válido.");
    expect(translateServerMessage("Nobody wrote this sentence down.", "es")).toBe("Nobody wrote this sentence down.");
  });
});
