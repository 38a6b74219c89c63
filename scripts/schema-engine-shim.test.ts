import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM helper
import { freePort, startEmbeddedDatabase } from "./embedded-db.mjs";

/**
 * The Prisma CLI runs offline through scripts/schema-engine-shim.cjs (docs/decisions/002). The global test
 * setup already applies every migration with `prisma migrate deploy`; this checks `migrate diff`, which
 * also proves the committed migrations produce exactly prisma/schema.prisma (no drift).
 */
const root = path.resolve(import.meta.dirname, "..");
let db: { url: string; shadowUrl: string; stop: () => Promise<void> };

function prisma(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules/.bin/prisma"), args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url, SHADOW_DATABASE_URL: db.shadowUrl },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, out }));
  });
}

beforeAll(async () => {
  db = await startEmbeddedDatabase({ dataDir: "memory://", port: await freePort() });
});
afterAll(async () => db?.stop());

describe("Prisma CLI through the schema-engine shim", () => {
  it("finds no difference between the migrations and the schema", async () => {
    const r = await prisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"]);
    expect(r.out).toContain("No difference detected");
    expect(r.code).toBe(0);
  });

  it("reports a difference (exit code 2 and the SQL) when the schema changes without a migration", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "elda-schema-"));
    const changed = path.join(dir, "schema.prisma");
    writeFileSync(changed, readFileSync(path.join(root, "prisma/schema.prisma"), "utf8") + "\nmodel Extra {\n  id Int @id\n}\n");
    const r = await prisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", changed, "--script", "--exit-code"]);
    expect(r.out).toContain('CREATE TABLE "Extra"');
    expect(r.code).toBe(2);
  });
});
