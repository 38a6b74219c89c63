#!/usr/bin/env node
// The last lines of a CI run (.ci/run calls this on exit, passed or failed): every failed test by runner, file and
// name with the first lines of its error, then one line of totals over the reports that exist. Exits 1 when a test
// failed. The failures come last because a CI log is read from its end.
import fs from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";

const dir = ".ci-results";
const failures = [];
let passed = 0;
let failed = 0;
let skipped = 0;
const read = (name) => {
  const p = path.join(dir, `${name}.json`);
  if (!fs.existsSync(p)) return null;
  try {
    return JSON.parse(fs.readFileSync(p, "utf8"));
  } catch {
    failures.push({ runner: name, where: p, title: "the report could not be read", message: "" });
    return null;
  }
};
const strip = (text) => stripVTControlCharacters(String(text ?? ""));
const firstLines = (text) =>
  strip(text)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(0, 4)
    .join("\n      ");

for (const name of ["vitest-embedded", "vitest-postgres"]) {
  const r = read(name);
  if (!r) continue;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  for (const file of r.testResults ?? []) {
    const where = path.relative(process.cwd(), file.name);
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of failedTests) failures.push({ runner: name, where, title: t.fullName, message: firstLines(t.failureMessages?.[0]) });
    // a file that failed before its tests ran (an import, a hook) has no failed test of its own
    if (file.status === "failed" && failedTests.length === 0) {
      failed += 1;
      failures.push({ runner: name, where, title: "(the file itself)", message: firstLines(file.message) });
    }
  }
}

for (const name of ["playwright", "playwright-waits"]) {
  const r = read(name);
  if (!r) continue;
  passed += r.stats.expected;
  failed += r.stats.unexpected + r.stats.flaky;
  skipped += r.stats.skipped;
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const error = spec.tests?.flatMap((t) => t.results ?? []).find((res) => res.error)?.error;
      failures.push({
        runner: name,
        where: `${r.config?.rootDir ? path.relative(process.cwd(), path.join(r.config.rootDir, spec.file)) : spec.file}:${spec.line}`,
        title: [...titles, spec.title].join(" › "),
        message: firstLines(error?.message),
      });
    }
    for (const child of suite.suites ?? []) walk(child, suite.title && !suite.title.endsWith(".ts") ? [...titles, suite.title] : titles);
  };
  for (const suite of r.suites ?? []) walk(suite, []);
}

// what fails a vitest run outside any test (its JSON report still says success): an error no test caught,
// the coverage bar; read from the runs' logs (.ci/run's parallel() writes one per command)
const logs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".log")) : [];
for (const log of logs) {
  const lines = strip(fs.readFileSync(path.join(dir, log), "utf8")).split("\n");
  lines.forEach((line, i) => {
    if (/Vitest caught \d+ unhandled error/.test(line)) {
      const block = lines.slice(i, i + 40);
      const error = block.find((l) => /^\s*(\w*Error|Serialized Error)\b/.test(l)) ?? "";
      const origin = block.find((l) => l.includes("This error originated in")) ?? "";
      failed += 1;
      failures.push({
        runner: log.replace(/\.log$/, ""),
        where: "(outside any test)",
        title: line.trim(),
        message: [error.trim(), origin.trim()].filter(Boolean).join("\n      "),
      });
    }
    if (/does not meet (global )?threshold/.test(line)) {
      failed += 1;
      failures.push({ runner: log.replace(/\.log$/, ""), where: "(coverage)", title: line.trim(), message: "" });
    }
  });
}

if (failures.length > 0) {
  console.log(`\n${failures.length} failed:`);
  for (const f of failures) console.log(`  [${f.runner}] ${f.where} › ${f.title}${f.message ? `\n      ${f.message}` : ""}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
