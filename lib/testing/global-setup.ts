import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
// @ts-expect-error plain ESM helper shared with scripts/local.mjs
import { freePort, startEmbeddedDatabase } from "../../scripts/embedded-db.mjs";

/**
 * One database per test run: a fresh PostgreSQL database when DATABASE_URL points at a server (the template
 * each test file clones, lib/testing/setup-env.ts), otherwise
 * an in-memory embedded PGlite on a free port. Migrations are applied once with the real Prisma CLI.
 */
const root = path.resolve(import.meta.dirname, "../..");

function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${out}`))));
  });
}

export default async function setup(project: TestProject) {
  const server = process.env.DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;
  if (server) {
    const name = `elda_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      // the template and every test file's clone of it (lib/testing/setup-env.ts)
      const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_f%'", [name]);
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    const db = await startEmbeddedDatabase({ dataDir: "memory://", port: await freePort(), shadow: false });
    url = db.url;
    teardown = async () => {
      // PGlite's runtime sets process.exitCode to 0 when it closes, which turned a failed run into exit 0
      const code = process.exitCode;
      await db.stop();
      process.exitCode = code;
    };
  }
  await migrate(url);
  project.provide("databaseUrl", url);
  project.provide("embedded", !server);
  return teardown;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embedded: boolean;
  }
}
