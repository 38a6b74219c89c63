#!/usr/bin/env node
// npm run bench: HTTP benchmarks of the production build against PostgreSQL (never the embedded database:
// PGlite is 2-3x slower per query and single-session). Prints a markdown table for docs/benchmarks.md.
//   - patients: create and list with 10,000 patients visible to the caregiver;
//   - heartbeat: ingestion with 100,000 patients and paired devices, against a bare Next route handler
//     (JSON in, JSON out, no database) and a plain node:http + pg server doing the same writes;
//   - orgs (only when asked): an organization with 50 facilities, 5,000 patients and 500 caregivers (scripts/bench-orgs.ts).
//
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) names the server; the
//   benchmark creates its own database on it and drops it afterwards. Needs `npm run build` first.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 10_000);
const ALL_PATIENTS = Number(process.env.BENCH_ALL_PATIENTS ?? 100_000);
const SMALL_LIST = 20;
const ROTATE_DEVICES = 5_000;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const name = `elda_bench_${Date.now()}`;
const dbUrl = (() => {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
})();
const base = `http://127.0.0.1:${PORT}`;
// `npm run bench -- heartbeat` runs one section (patients, heartbeat, routines, analytics, companion, orgs); no argument runs the HTTP ones
const only = process.argv[2];
const want = (section) => !only || only === section;

const run = (cmd, args, env) =>
  new Promise((resolve, reject) =>
    spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" }).on("exit", (c) =>
      c === 0 ? resolve() : reject(new Error(`${cmd} exited ${c}`)),
    ),
  );

async function admin(sql) {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function seed() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const { rows } = await c.query(`INSERT INTO organizations (id, name, updated_at) VALUES (gen_random_uuid(), 'Bench agency', now()) RETURNING id`);
  const org = rows[0].id;
  await c.query(
    `INSERT INTO patients (id, organization_id, first_name, last_name, date_of_birth, timezone, updated_at)
     SELECT gen_random_uuid(), $1, 'Patient' || g, 'Family' || lpad(g::text, 6, '0'), date '1940-01-01' + (g % 3000), 'America/Chicago', now()
     FROM generate_series(1, $2) g`,
    [org, PATIENTS],
  );
  // the other patients, each with a paired phone whose credential is elda_dev_bench_<n>
  const { rows: other } = await c.query(`INSERT INTO organizations (id, name, updated_at) VALUES (gen_random_uuid(), 'Other families', now()) RETURNING id`);
  await c.query(
    `INSERT INTO patients (id, organization_id, first_name, last_name, date_of_birth, timezone, updated_at)
     SELECT gen_random_uuid(), $1, 'Someone' || g, 'Else' || g, date '1940-01-01', 'Europe/London', now() FROM generate_series(1, $2) g`,
    [other[0].id, ALL_PATIENTS - PATIENTS],
  );
  await c.query(
    `INSERT INTO patient_devices (id, patient_id, credential_hash, platform, app_version)
     SELECT gen_random_uuid(), id, encode(sha256(('elda_dev_bench_' || row_number() OVER (ORDER BY id))::bytea), 'hex'), 'ios', '1.0.0' FROM patients`,
  );
  await c.query("VACUUM ANALYZE"); // the steady state autovacuum keeps a live database in
  await c.end();
  return org;
}

const heartbeatBody = JSON.stringify({
  activity_type: "heartbeat",
  device_type: "ios",
  app_version: "1.0.0",
  battery_level: 80,
  details: { app_state: "background", network_type: "wifi", is_charging: false, device_info: { model: "iPhone 12", os_version: "17.1", app_version: "1.0.0" } },
});

/** round-robin over many phones, so the benchmark is not one patient row updated 10,000 times */
function heartbeatRequests(devices) {
  let n = 0;
  return [
    {
      method: "POST",
      setupRequest(req) {
        const d = devices[n++ % devices.length];
        return {
          ...req,
          path: `/api/v1/patients/${d.patient_id}/heartbeat`,
          headers: { ...req.headers, authorization: `Bearer elda_dev_bench_${d.n}`, "content-type": "application/json" },
          body: heartbeatBody,
        };
      },
    },
  ];
}

async function transactions() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const { rows } = await c.query("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
  await c.end();
  return Number(rows[0].xact_commit);
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become ready");
}

function cannon(opts) {
  return new Promise((resolve, reject) => autocannon({ connections: 20, duration: DURATION, ...opts }, (err, res) => (err ? reject(err) : resolve(res))));
}

const row = (label, r) => `| ${label} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} |`;

if (only === "companion") {
  // the offline analyzer alone (no database, no HTTP): scripts/bench-companion.ts
  await run(path.join(root, "node_modules/.bin/tsx"), ["scripts/bench-companion.ts"], { LOG_LEVEL: "warn" });
  process.exit(0);
}

if (only === "routines") {
  // domain-level benchmark (no HTTP): its own database, then scripts/bench-routines.ts
  await admin(`CREATE DATABASE "${name}"`);
  try {
    await run(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { DATABASE_URL: dbUrl });
    await run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/bench-routines.ts"], {
      DATABASE_URL: dbUrl,
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      AUTH_SECRET: "bench-secret-0123456789-abcdefghijklmnop",
    });
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
  process.exit(0);
}

if (only === "analytics") {
  // domain-level (and, with BASE_URL, page) timings of the analytics on a year of one patient's data:
  // on DATABASE_URL when given (it is migrated first), else on a scratch database dropped afterwards
  const given = process.env.DATABASE_URL;
  if (!given) await admin(`CREATE DATABASE "${name}"`);
  const url = given ?? dbUrl;
  try {
    await run(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { DATABASE_URL: url });
    await run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/bench-analytics.ts"], {
      DATABASE_URL: url,
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-0123456789-abcdefghijklmnop",
    });
  } finally {
    if (!given) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
  process.exit(0);
}

if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.error("run `npm run build` first");
  process.exit(1);
}
if (only === "orgs") {
  // an organization at scale (50 facilities, 5,000 patients, 500 caregivers): scripts/bench-orgs.ts seeds its own
  // database, starts the production build on it and measures pages and API over HTTP; BENCH_KEEP=1 keeps the database
  await admin(`CREATE DATABASE "${name}"`);
  try {
    await run(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { DATABASE_URL: dbUrl });
    await run(path.join(root, "node_modules/.bin/tsx"), ["scripts/bench-orgs.ts"], {
      DATABASE_URL: dbUrl,
      BENCH_PORT: String(PORT),
      AUTH_SECRET: "bench-secret-0123456789-abcdefghijklmnop",
    });
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
  process.exit(0);
}

await admin(`CREATE DATABASE "${name}"`);
let app;
try {
  await run(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { DATABASE_URL: dbUrl });
  const org = await seed();
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(" ") : [];
  app = spawn(process.execPath, [...nodeArgs, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT)], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      NODE_ENV: "production",
      AUTH_SECRET: "bench-secret-0123456789-abcdefghijklmnop",
      LOG_LEVEL: "warn",
      APP_URL: base,
      ELDA_BENCH_ROUTES: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForServer();
  // the benchmark caregiver signs up through the API and becomes admin of the seeded agency; a second one, of a
  // family's organization of SMALL_LIST patients, measures the list at the size most families have
  const password = "Tulips bloom by the garden gate 7";
  const signUp = async (email, sql, params) => {
    await fetch(`${base}/api/v1/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password, first_name: "Bench", last_name: "Admin" }),
    });
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    await c.query(sql, [email, ...params]);
    await c.end();
    const login = await (
      await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) })
    ).json();
    return { authorization: `Bearer ${login.access_token}`, "content-type": "application/json" };
  };
  const auth = await signUp(
    `bench-${Date.now()}@example.test`,
    `INSERT INTO memberships (id, organization_id, caregiver_id, role, updated_at) SELECT gen_random_uuid(), $2, id, 'admin', now() FROM caregivers WHERE email = $1`,
    [org],
  );
  // the phones in rotation, numbered as seeded (before the create benchmark adds patients without phones)
  const pc = new pg.Client({ connectionString: dbUrl });
  await pc.connect();
  const { rows: devs } = await pc.query(
    `SELECT n, patient_id FROM (SELECT row_number() OVER (ORDER BY p.id) AS n, p.id AS patient_id FROM patients p) x WHERE n % ${Math.floor(ALL_PATIENTS / ROTATE_DEVICES)} = 0`,
  );
  await pc.end();
  // after the phones are numbered: the family's patients have none
  const familyAuth = await signUp(
    `family-${Date.now()}@example.test`,
    `INSERT INTO patients (id, organization_id, first_name, last_name, date_of_birth, timezone, updated_at)
     SELECT gen_random_uuid(), m.organization_id, 'Relative' || g, 'Family' || g, date '1940-01-01', 'America/Chicago', now()
     FROM memberships m JOIN caregivers c ON c.id = m.caregiver_id, generate_series(1, $2) g WHERE c.email = $1`,
    [SMALL_LIST],
  );

  const results = [];
  // a fresh server compiles its code on first use: two seconds of each kind of request before any is measured
  for (const warm of [
    { url: `${base}/api/v1/patients?limit=20`, headers: auth },
    { url: base, requests: heartbeatRequests(devs) },
  ])
    await cannon({ ...warm, duration: 2 });
  if (want("patients")) {
    results.push(
      row(
        `GET /api/v1/patients?limit=20 (${PATIENTS.toLocaleString("en")} patients, sort by name)`,
        await cannon({ url: `${base}/api/v1/patients?limit=20`, headers: auth }),
      ),
    );
    results.push(
      row(
        `GET /api/v1/patients?limit=20 (${SMALL_LIST} patients: a family's list)`,
        await cannon({ url: `${base}/api/v1/patients?limit=20`, headers: familyAuth }),
      ),
    );
    results.push(row("GET /api/v1/patients?q=family00123 (name search)", await cannon({ url: `${base}/api/v1/patients?q=family00123`, headers: auth })));
    results.push(
      row(
        "POST /api/v1/patients (create, with care team row and audit row)",
        await cannon({
          url: `${base}/api/v1/patients`,
          method: "POST",
          headers: auth,
          body: JSON.stringify({ first_name: "New", last_name: "Patient", date_of_birth: "1944-02-02", organization_id: org }),
        }),
      ),
    );
    results.push(row("GET /api/health (no database, wrapper only)", await cannon({ url: `${base}/api/health` })));
  }

  // heartbeat ingestion
  if (want("heartbeat")) {
    const bare = await cannon({ url: `${base}/api/bench/bare`, method: "POST", headers: { "content-type": "application/json" }, body: heartbeatBody });
    const before = await transactions();
    const hb = await cannon({ url: base, requests: heartbeatRequests(devs) });
    const roundTrips = ((await transactions()) - before) / hb.requests.total;
    const baselinePort = PORT + 1;
    const baseline = spawn(process.execPath, [path.join(root, "scripts/bench-heartbeat-baseline.mjs")], {
      env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(baselinePort) },
      stdio: "inherit",
    });
    await new Promise((r) => setTimeout(r, 800));
    const plain = await cannon({ url: `http://127.0.0.1:${baselinePort}`, requests: heartbeatRequests(devs) });
    baseline.kill();
    results.push(row("POST /api/bench/bare (bare Next route: parse JSON, answer; no wrapper, no database)", bare));
    results.push(
      row(
        `POST /api/v1/patients/{id}/heartbeat (${ALL_PATIENTS.toLocaleString("en")} patients and phones, ${devs.length.toLocaleString("en")} phones in rotation)`,
        hb,
      ),
    );
    results.push(row("plain node:http + pg, the same writes as one statement", plain));
    results.push(
      `\nHeartbeat: ${(hb.requests.average / bare.requests.average).toFixed(2)}x the bare route's throughput; ${roundTrips.toFixed(2)} database transactions (round trips) per heartbeat, from pg_stat_database.xact_commit.`,
    );
  }
  console.log(
    `\nMachine: ${os.cpus().length} cores (${os.cpus()[0].model}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; PostgreSQL at ${new URL(server).host}; autocannon 20 connections x ${DURATION}s on the same machine.\n`,
  );
  console.log("| Request | req/s | p50 ms | p99 ms | non-2xx |\n|---|---|---|---|---|");
  console.log(results.join("\n"));
} finally {
  app?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
  else await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
}
