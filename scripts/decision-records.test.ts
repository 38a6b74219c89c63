import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// docs/decisions: every record has a Date and a Status under its title and a line in the index (README.md)
const dir = path.resolve(import.meta.dirname, "../docs/decisions");
const records = readdirSync(dir).filter((f) => /^\d{3}-.*\.md$/.test(f));

describe("decision records", () => {
  it.each(records)("%s has a numbered title, a date and a status, and is in the index", (file) => {
    const [title, , date, status] = readFileSync(path.join(dir, file), "utf8").split("\n");
    expect(title).toMatch(new RegExp(`^# ${file.slice(0, 3)}: \\S`));
    expect(date).toMatch(/^Date: \d{4}-\d{2}-\d{2}\s*$/);
    expect(status).toMatch(/^Status: (proposed|accepted|superseded by \d{3})/);
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toContain(`](${file})`);
  });

  it("numbers are not reused", () => {
    const numbers = records.map((f) => f.slice(0, 3));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
