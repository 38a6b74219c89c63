import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The layering rules of eslint.config.mjs (docs/decisions/022-event-catalog-and-layering-rules.md), run through
 * ESLint's own API on small files written where the rules look (lib/, components/), then removed. Each
 * forbidden import is reported with its rule; what the layering allows is not.
 */
const root = path.resolve(import.meta.dirname, "..");
const tag = `zz-layering-probe-${randomUUID().slice(0, 8)}`;
const written: string[] = [];
const eslint = new ESLint({ cwd: root });

/** Write a probe file (relative to the repository; its path names the tag) and return its absolute path. */
function probe(relative: string, code: string) {
  const parts = relative.split("/");
  const own = parts.findIndex((part) => part.includes(tag));
  if (own < 0) throw new Error(`a probe's path must name ${tag}`);
  // what afterAll removes: the tagged file or folder, never anything that was there before
  written.push(path.join(root, ...parts.slice(0, own + 1)));
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, code);
  return file;
}

/** The problems ESLint reports in these files, as "file: rule" with the start of each message. */
async function problems(...files: string[]) {
  const results = await eslint.lintFiles(files);
  return results.flatMap((r) => r.messages.map((m) => ({ file: path.relative(root, r.filePath).replace(tag, "<probe>"), rule: m.ruleId, message: m.message })));
}

afterAll(() => {
  for (const p of new Set(written)) rmSync(p, { recursive: true, force: true });
});

describe("the layering rules", () => {
  it("keep lib/ framework-free and apart from app/, components/ and the job engines", async () => {
    const file = probe(
      `lib/${tag}/uses-everything.ts`,
      [
        'import { redirect } from "next/navigation";',
        'import { headers } from "next/headers";',
        'import * as status from "@/app/api/health/status/route";',
        'import { JobsBanner } from "@/components/layout/jobs-banner";',
        'import { inngestFunctions } from "@/lib/jobs/inngest";',
        'import { EmbeddedRunner } from "../jobs/embedded-runner";',
        'import { jobs } from "@/lib/jobs/jobs";',
        'import { emit } from "@/lib/jobs/emit";',
        "export const used = [redirect, headers, status, JobsBanner, inngestFunctions, EmbeddedRunner, jobs, emit];",
        "",
      ].join("\n"),
    );
    const found = await problems(file);
    expect(found.map((p) => [p.rule, p.message.split(" ").slice(0, 3).join(" ")])).toEqual([
      ["no-restricted-imports", "'next/navigation' import is"],
      ["no-restricted-imports", "'next/headers' import is"],
      ["import/no-restricted-paths", 'Unexpected path "@/app/api/health/status/route"'],
      ["import/no-restricted-paths", 'Unexpected path "@/components/layout/jobs-banner"'],
      ["import/no-restricted-paths", 'Unexpected path "@/lib/jobs/inngest"'],
      ["import/no-restricted-paths", 'Unexpected path "../jobs/embedded-runner"'],
      ["import/no-restricted-paths", 'Unexpected path "@/lib/jobs/jobs"'],
    ]);
    expect(found.find((p) => p.message.includes("lib/jobs/inngest"))?.message).toContain("emit() from lib/jobs/emit.ts");
  });

  it("apply to files directly in lib/ too, and let lib/jobs/ reach its engines", async () => {
    const top = probe(`lib/${tag}.ts`, 'import { jobs } from "@/lib/jobs/jobs";\nexport const n = jobs.length;\n');
    const own = probe(`lib/jobs/${tag}.ts`, 'import { inngest } from "./inngest";\nimport { jobs } from "./jobs";\nexport const both = [inngest, jobs];\n');
    expect(await problems(top, own)).toEqual([
      { file: "lib/<probe>.ts", rule: "import/no-restricted-paths", message: expect.stringContaining('Unexpected path "@/lib/jobs/jobs"') },
    ]);
  });

  it("keep components/ from importing app/", async () => {
    const file = probe(
      `components/${tag}/widget.tsx`,
      'import * as status from "@/app/api/health/status/route";\nimport { formatDateTime } from "@/lib/dashboard/format";\nexport const used = [status, formatDateTime];\n',
    );
    expect((await problems(file)).map((p) => [p.rule, p.message.split(" in ")[0]])).toEqual([
      ["import/no-restricted-paths", 'Unexpected path "@/app/api/health/status/route" imported'],
    ]);
  });

  it("find an import cycle, and let a type-only one be", async () => {
    const a = probe(`lib/${tag}/cycle/a.ts`, 'import { b } from "./b";\nexport const a = () => b();\n');
    const b = probe(`lib/${tag}/cycle/b.ts`, 'import { a } from "./a";\nexport const b = () => typeof a;\n');
    const c = probe(`lib/${tag}/types/c.ts`, 'import type { D } from "./d";\nexport interface C {\n  d?: D;\n}\n');
    const d = probe(`lib/${tag}/types/d.ts`, 'import type { C } from "./c";\nexport interface D {\n  c?: C;\n}\n');
    const found = await problems(a, b, c, d);
    expect(found.map((p) => [p.file, p.rule, p.message])).toEqual([
      ["lib/<probe>/cycle/a.ts", "import/no-cycle", "Dependency cycle detected."],
      ["lib/<probe>/cycle/b.ts", "import/no-cycle", "Dependency cycle detected."],
    ]);
  });
});
