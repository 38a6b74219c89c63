import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// .ci/run's last lines: what a reader of a failed CI log sees first, from its end
const script = path.resolve(import.meta.dirname, "ci-summary.mjs");

function summarise(reports: Record<string, unknown>) {
  const dir = mkdtempSync(path.join(tmpdir(), "ci-summary-"));
  mkdirSync(path.join(dir, ".ci-results"));
  for (const [name, body] of Object.entries(reports)) writeFileSync(path.join(dir, ".ci-results", `${name}.json`), JSON.stringify(body));
  const r = spawnSync(process.execPath, [script], { cwd: dir, encoding: "utf8" });
  return { status: r.status, out: r.stdout, dir };
}

const vitest = (
  dir: string,
  files: { name: string; status: string; message?: string; tests: { fullName: string; status: string; failureMessages?: string[] }[] }[],
) => ({
  numPassedTests: files.flatMap((f) => f.tests).filter((t) => t.status === "passed").length,
  numFailedTests: files.flatMap((f) => f.tests).filter((t) => t.status === "failed").length,
  numPendingTests: 0,
  numTodoTests: 0,
  testResults: files.map((f) => ({ name: path.join(dir, f.name), status: f.status, message: f.message ?? "", assertionResults: f.tests })),
});

describe("the CI summary", () => {
  it("names every failed test with its file and the first lines of its error, and exits 1", () => {
    const dir = "/repo";
    const { status, out } = summarise({
      "vitest-embedded": vitest(dir, [
        { name: "a.test.ts", status: "passed", tests: [{ fullName: "a works", status: "passed" }] },
        {
          name: "b.test.ts",
          status: "failed",
          tests: [
            { fullName: "b › counts", status: "failed", failureMessages: ["\u001b[31mAssertionError: expected 27 to be 1\u001b[39m\n\n  at b.test.ts:3"] },
          ],
        },
        { name: "c.test.ts", status: "failed", message: "Error: Cannot find module 'x'", tests: [] },
      ]),
      playwright: {
        config: { rootDir: "/nowhere/e2e" },
        stats: { expected: 1, unexpected: 1, flaky: 0, skipped: 1 },
        suites: [
          {
            title: "settings.spec.ts",
            specs: [{ title: "saves", ok: false, file: "settings.spec.ts", line: 62, tests: [{ results: [{ error: { message: "Error: axe violations" } }] }] }],
            suites: [{ title: "in Spanish", specs: [{ title: "reads", ok: true, file: "settings.spec.ts", line: 90, tests: [] }] }],
          },
        ],
      },
    });
    expect(status).toBe(1);
    expect(out).toContain("b.test.ts › b › counts\n      AssertionError: expected 27 to be 1\n        at b.test.ts:3");
    expect(out).not.toContain("\u001b[");
    expect(out).toContain("c.test.ts › (the file itself)\n      Error: Cannot find module 'x'");
    expect(out).toMatch(/\[playwright\] \S*e2e\/settings\.spec\.ts:62 › saves\n {6}Error: axe violations/);
    expect(out).not.toContain("reads");
    // the totals are the last line
    expect(out.trim().split("\n").at(-1)).toBe("2 passed, 3 failed, 1 skipped");
  });

  it("with every test passed prints the totals only and exits 0", () => {
    const { status, out } = summarise({
      "vitest-postgres": vitest("/repo", [{ name: "a.test.ts", status: "passed", tests: [{ fullName: "a", status: "passed" }] }]),
    });
    expect(status).toBe(0);
    expect(out.trim()).toBe("1 passed, 0 failed, 0 skipped");
  });

  it("names an error no test caught and a missed coverage bar, from the runs' logs (the JSON report says success)", () => {
    const { status, out, dir } = summarise({
      "vitest-embedded": vitest("/repo", [{ name: "a.test.ts", status: "passed", tests: [{ fullName: "a", status: "passed" }] }]),
    });
    writeFileSync(
      path.join(dir, ".ci-results", "npm_test.log"),
      [
        "\u001b[31m⎯⎯ Unhandled Errors ⎯⎯\u001b[39m",
        "Vitest caught 1 unhandled error during the test run.",
        "This might cause false positive tests.",
        "Error: Received unexpected commandComplete message from backend.",
        " ❯ Parser.parse node_modules/pg-protocol/dist/parser.js:38:17",
        'This error originated in "app/api/v1/poisoned-time-zone.test.ts" test file.',
        "ERROR: Coverage for lines (85.1%) does not meet global threshold (90%)",
      ].join("\n"),
    );
    expect(status).toBe(0); // before the log was written
    const again = spawnSync(process.execPath, [script], { cwd: dir, encoding: "utf8" });
    expect(again.status).toBe(1);
    expect(again.stdout).toContain(
      '[npm_test] (outside any test) › Vitest caught 1 unhandled error during the test run.\n      Error: Received unexpected commandComplete message from backend.\n      This error originated in "app/api/v1/poisoned-time-zone.test.ts" test file.',
    );
    expect(again.stdout).toContain("[npm_test] (coverage) › ERROR: Coverage for lines (85.1%) does not meet global threshold (90%)");
    expect(out).not.toContain("failed:");
  });

  it("fails on a report it cannot read", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ci-summary-"));
    mkdirSync(path.join(dir, ".ci-results"));
    writeFileSync(path.join(dir, ".ci-results", "playwright.json"), "{ not json");
    const r = spawnSync(process.execPath, [script], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("the report could not be read");
  });
});
