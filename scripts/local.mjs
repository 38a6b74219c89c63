#!/usr/bin/env node
// One command for a fresh machine. Usage: node scripts/local.mjs dev|start|seed|exec <cmd> [args...]
//
// DATABASE_URL unset (local mode): start the embedded PostgreSQL (PGlite under .data/pglite on
// PGLITE_PORT, default 5433), apply pending migrations, seed the demo household once, then run the command.
// DATABASE_URL set: use that PostgreSQL; never start PGlite, never migrate or seed on its own
// (`npm run db:deploy`, `npm run db:seed` do that on request).
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedDatabase } from "./embedded-db.mjs";

const root = path.resolve(import.meta.dirname, "..");
const [mode = "start", ...rest] = process.argv.slice(2);
const bin = (name) => path.join(root, "node_modules/.bin", name);
const env = { ...process.env };
let db = null;

// async spawn only: PGlite answers from this process's event loop, so a spawnSync child would deadlock
const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env, cwd: root });
    const forward = (sig) => child.kill(sig);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });

async function finish(code) {
  if (db) await db.stop();
  process.exit(code);
}

if (!process.env.DATABASE_URL) {
  const port = Number(process.env.PGLITE_PORT ?? 5433);
  const dataDir = process.env.PGLITE_DIR ?? path.join(root, ".data/pglite");
  const t0 = Date.now();
  try {
    db = await startEmbeddedDatabase({ dataDir, port });
  } catch (e) {
    console.error(`[elda] could not start the embedded database: ${e.message}`);
    process.exit(1);
  }
  env.DATABASE_URL = db.url;
  env.SHADOW_DATABASE_URL = db.shadowUrl;
  env.ELDA_EMBEDDED_DB = "1";
  console.log(
    db.joined
      ? `[elda] using the embedded database already served on :${port}`
      : `[elda] embedded PostgreSQL (PGlite) ${dataDir} on 127.0.0.1:${port} ready in ${Date.now() - t0} ms`,
  );
  if (mode !== "exec") {
    if ((await run(bin("prisma"), ["migrate", "deploy"])) !== 0) await finish(1);
    if (process.env.ELDA_SEED_DEMO !== "0" && (await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"])) !== 0) await finish(1);
  }
} else if (mode === "seed") {
  await finish(await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"]));
}

if (mode === "seed") await finish(0);
if (mode === "exec") {
  const [cmd, ...args] = rest;
  if (!cmd) {
    console.error("usage: node scripts/local.mjs exec <command> [args...]");
    await finish(2);
  }
  await finish(await run(cmd.includes("/") ? cmd : bin(cmd), args));
}
if (mode !== "dev" && mode !== "start") {
  console.error(`unknown mode ${mode}: use dev, start, seed or exec`);
  await finish(2);
}
// next runs in this process group (no npx, no detached group), so Ctrl-C and Playwright's kill reach it
await finish(await run(bin("next"), [mode, "-p", process.env.PORT ?? "3000", ...rest]));
