#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary (which Prisma 7 downloads from
// binaries.prisma.sh and therefore cannot be fetched here). It speaks the same
// newline-delimited JSON-RPC over stdio that the Prisma CLI uses, and forwards every
// call to the WebAssembly build of the schema engine (@prisma/schema-engine-wasm),
// which talks to Postgres through a Prisma driver adapter (@prisma/adapter-pg).
// Use: PRISMA_SCHEMA_ENGINE_BINARY=./scripts/schema-engine-shim.cjs npx prisma migrate dev
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const readline = require("node:readline");

const ENGINE_HASH = "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8"; // what prisma@7.10.1 expects

function parseArgs(argv) {
  const out = { datamodels: [], datasource: null, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--version" || a === "-V") out.version = true;
    else if (a === "--datamodels") out.datamodels.push(argv[++i]);
    else if (a === "--datasource") out.datasource = JSON.parse(argv[++i]);
    else if (a === "--enabled-preview-features" || a === "--extension-types") i++;
    else if (a === "cli") out.cli = argv[++i];
  }
  return out;
}

function logError(code, message) {
  // the CLI parses JSON lines on stderr and looks for level ERROR + fields.error_code
  process.stderr.write(JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { error_code: code, message } }) + "\n");
}

let lastPanic = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(m) {
    lastPanic = m;
  },
};

async function loadWasmEngineClass() {
  const runtime = await import((process.env.SHIM_ENGINE_PKG || "@prisma/schema-engine-wasm") + "/schema_engine_bg");
  const wasmPath = path.join(path.dirname(require.resolve(process.env.SHIM_ENGINE_PKG || "@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const mod = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(mod, { "./schema_engine_bg.js": runtime });
  runtime.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return runtime.SchemaEngine;
}

// @prisma/adapter-pg 7.10 does not map Postgres' internal one-byte "char" type (OID 18),
// which the schema engine's catalog queries return (e.g. pg_class.relkind): report it as text.
function patchPgCharType() {
  const Result = require("pg/lib/result");
  const orig = Result.prototype.addFields;
  Result.prototype.addFields = function (fields) {
    for (const f of fields) if (f.dataTypeID === 18) f.dataTypeID = 25;
    return orig.call(this, fields);
  };
}

let pgPatched = false;
function makeAdapter(datasource) {
  if (!pgPatched) {
    patchPgCharType();
    pgPatched = true;
  }
  const url = (datasource && datasource.url) || process.env.DATABASE_URL;
  if (!url) throw new Error("schema-engine-shim: no datasource url");
  const { PrismaPg } = require("@prisma/adapter-pg");
  const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");
  const factory = new PrismaPg({ connectionString: url });
  if (datasource && datasource.shadowDatabaseUrl) {
    const shadow = new PrismaPg({ connectionString: datasource.shadowDatabaseUrl });
    // a fixed shadow database must be emptied before every use (the wasm engine expects a fresh one)
    factory.connectToShadowDb = async () => {
      const conn = await shadow.connect();
      await conn.client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      return conn;
    };
  } else {
    // adapter-pg 7.10's own connectToShadowDb spreads {connectionString} and sets `database`,
    // but pg lets connectionString win, so the "shadow" pool is the main database. Do it properly.
    factory.connectToShadowDb = async () => {
      const { Client } = require("pg");
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      const admin = new Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const u = new URL(url);
      u.pathname = "/" + name;
      const shadow = new PrismaPg({ connectionString: u.toString() });
      const conn = await shadow.connect();
      const origDispose = conn.dispose.bind(conn);
      conn.dispose = async () => {
        await origDispose();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      };
      return conn;
    };
  }
  // adapter-pg's executeScript splits scripts on ";" (breaks $$ function bodies); send it whole instead
  const patchConn = (conn) => {
    // PostgreSQL 18 (PGlite 0.5.x) lists NOT NULL as pg_constraint rows with contype 'n'; the 7.10 wasm
    // describer panics on them (prisma/orm#29635, fix in prisma-engines#5819). Nullability is read from
    // pg_attribute anyway, so drop those rows from the constraints query.
    const q = conn.queryRaw.bind(conn);
    conn.queryRaw = async (query) => {
      const r = await q(query);
      const i = r.columnNames.indexOf("constraint_type");
      if (i >= 0 && r.columnNames.includes("constraint_definition")) r.rows = r.rows.filter((row) => row[i] !== "n");
      return r;
    };
    if (process.env.SHIM_DEBUG)
      for (const m of ["executeRaw", "queryRaw", "startTransaction"]) {
        const f = conn[m].bind(conn);
        conn[m] = (...a) => {
          process.stderr.write(`shim: ${m} ${JSON.stringify(a[0]).slice(0, 120)}\n`);
          return f(...a);
        };
      }
    conn.executeScript = async (script) => {
      if (process.env.SHIM_DEBUG) process.stderr.write(`shim: executeScript ${script.slice(0, 80)}\n`);
      try {
        await conn.client.query(script);
      } catch (e) {
        conn.onError(e);
      }
    };
    return conn;
  };
  const origConnect = factory.connect.bind(factory);
  factory.connect = async () => patchConn(await origConnect());
  const origShadow = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    if (process.env.SHIM_DEBUG) process.stderr.write("shim: connectToShadowDb\n");
    try {
      return patchConn(await origShadow());
    } catch (e) {
      if (process.env.SHIM_DEBUG) process.stderr.write(`shim: connectToShadowDb failed: ${e && e.stack}\n`);
      throw e;
    }
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

async function runCliCommand(cmd, datasource) {
  // the CLI drops the first stderr line of a `cli` sub-command and parses the rest as JSON logs
  process.stderr.write(JSON.stringify({ level: "INFO", target: "schema_engine::logger", fields: { message: `shim cli ${cmd}` } }) + "\n");
  const { Client } = require("pg");
  const url = new URL(datasource.url);
  const dbName = decodeURIComponent(url.pathname.slice(1)) || "postgres";
  const tryConnect = async (u) => {
    const c = new Client({ connectionString: u.toString() });
    await c.connect();
    return c;
  };
  try {
    if (cmd === "can-connect-to-database") {
      const c = await tryConnect(url);
      await c.end();
      return 0;
    }
    if (cmd === "create-database" || cmd === "drop-database") {
      const admin = new URL(url);
      admin.pathname = "/postgres";
      const c = await tryConnect(admin);
      if (cmd === "create-database") await c.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`);
      else await c.query(`DROP DATABASE IF EXISTS "${dbName.replace(/"/g, '""')}"`);
      await c.end();
      return 0;
    }
    logError("P1000", `schema-engine-shim: unsupported cli command ${cmd}`);
    return 1;
  } catch (e) {
    const code = e.code === "3D000" ? "P1003" : e.code === "ECONNREFUSED" ? "P1001" : "P1000";
    logError(code, e.message);
    return 1;
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${ENGINE_HASH}\n`);
    return;
  }
  if (args.cli) {
    process.exitCode = await runCliCommand(args.cli, args.datasource);
    return;
  }

  const SchemaEngine = await loadWasmEngineClass();
  const datamodels = args.datamodels.map((p) => [p, fs.readFileSync(p, "utf8")]);
  const debug = (msg) => {
    if (process.env.SHIM_DEBUG) process.stderr.write(String(msg) + "\n");
  };
  const engine = await SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, debug, makeAdapter(args.datasource));
  // The 7.10 wasm engine's evaluateDataLoss/createMigration only find the shadow database through the
  // schema-from-migrations cache that devDiagnostic fills; after applyMigrations has applied pending
  // migrations in the same `migrate dev` run that cache misses and they fail with "PostgreSQL shadow DB must
  // be provided through an external factory". Re-running devDiagnostic refills it, then we retry once.
  let lastDevDiagnostic = null;
  const call = async (method, params) => {
    try {
      return await engine[method](params);
    } catch (e) {
      if (lastDevDiagnostic && /shadow DB must be provided through an external factory/.test(String(e && e.message))) {
        await engine.devDiagnostic(lastDevDiagnostic);
        return await engine[method](params);
      }
      throw e;
    }
  };

  const send = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
  let currentId = null;
  process.on("uncaughtException", (e) => {
    const message = lastPanic || (e && e.stack) || String(e);
    process.stderr.write(JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { message } }) + "\n");
    if (currentId !== null)
      send({ jsonrpc: "2.0", id: currentId, error: { code: 4466, message: "panic", data: { is_panic: true, message, error: { message } } } });
    setTimeout(() => process.exit(101), 50);
  });
  let printId = 1e9;
  const methodMap = { getDatabaseVersion: "version" };

  const handle = async (req) => {
    currentId = req.id;
    if (process.env.SHIM_DEBUG) process.stderr.write(`shim: rpc ${req.method}\n`);
    const method = methodMap[req.method] || req.method;
    try {
      if (method === "createDatabase") {
        await runCliCommand("create-database", args.datasource);
        return send({ jsonrpc: "2.0", id: req.id, result: { databaseName: "" } });
      }
      if (typeof engine[method] !== "function")
        throw Object.assign(new Error(`shim: method ${req.method} not supported by the wasm engine`), { code: "P1000" });
      if (method === "devDiagnostic") lastDevDiagnostic = req.params;
      let result = await call(method, req.params ?? undefined);
      if (method === "diff" && result && typeof result.stdout === "string") {
        const { stdout, ...rest } = result;
        if (stdout) send({ jsonrpc: "2.0", id: printId++, method: "print", params: { content: stdout.replace(/\n$/, "") } });
        result = rest;
      }
      send({ jsonrpc: "2.0", id: req.id, result: result === undefined ? null : result });
    } catch (e) {
      if (process.env.SHIM_DEBUG) process.stderr.write(`shim error in ${req.method}: ${e && e.stack}\n`);
      const panic = lastPanic;
      lastPanic = null;
      const data = panic
        ? { is_panic: true, message: panic, error: { message: panic } }
        : { is_panic: false, message: (e && e.message) || String(e), meta: e && e.meta, error_code: e && e.code };
      send({ jsonrpc: "2.0", id: req.id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } });
    }
  };

  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let queue = Promise.resolve();
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      return;
    }
    if (msg.method === undefined) return; // responses to our print requests
    queue = queue.then(() => handle(msg));
  });
  rl.on("close", async () => {
    await queue;
    try {
      engine.free();
    } catch {}
    process.exit(0);
  });
}

main().catch((e) => {
  logError("P1000", (e && e.stack) || String(e));
  process.exit(1);
});
