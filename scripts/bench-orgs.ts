// The organizations-at-scale benchmark (`npm run bench -- orgs`, issue 14): one agency with 50 facilities, 5,000
// patients and 500 caregivers (owner, whole-organization admins, facility admins, care-team members), a year of
// alert history, open alerts, a week of reminders and conversations and a day of heartbeats, seeded with
// set-based SQL next to another organization's rows; then the production build (`next start` on the same
// database) measured over HTTP, one request at a time (p50/p95 after warm-ups), with dashboard sessions written
// directly: the patients list for a whole-organization admin, the home page and the alert inbox for a facility
// admin, and the API endpoints behind them. The job engine is off in the measured server (ELDA_EMBEDDED_JOBS=0), so
// its sweeps over 6,000 patients do not compete with the requests.
// Run through scripts/bench.mjs, which creates and migrates the database, sets DATABASE_URL and drops it after.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { encode } from "next-auth/jwt";

const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 50);
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 5_000);
const CAREGIVERS = Number(process.env.BENCH_CAREGIVERS ?? 500);
const OTHER_PATIENTS = Number(process.env.BENCH_OTHER_PATIENTS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUPS = 3;
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const base = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname, "..");
const databaseUrl = process.env.DATABASE_URL!;
const secret = process.env.AUTH_SECRET!;
const ZONES = `ARRAY['America/Chicago', 'America/New_York', 'America/Denver', 'America/Los_Angeles']`;

const client = new pg.Client({ connectionString: databaseUrl });

/** Patients of one organization: n, id, facility n; with a week of reminders and conversations, a day of heartbeats and a year of alerts. */
async function seedPatients(org: string, prefix: string, count: number, facilities: number) {
  await client.query(
    `CREATE TEMP TABLE ${prefix}_p AS SELECT g AS n, gen_random_uuid() AS id, ((g - 1) % ${facilities}) + 1 AS f FROM generate_series(1, ${count}) g`,
  );
  await client.query(
    `
    INSERT INTO patients (id, organization_id, facility_id, first_name, last_name, date_of_birth, timezone, last_heartbeat_at, last_active_at, created_at, updated_at)
    SELECT p.id, $1, f.id, (ARRAY['Ruth','Harold','Edna','Walter','Margaret','Frank','Dorothy','George'])[1 + p.n % 8], 'Family' || lpad(p.n::text, 5, '0'),
           date '1935-01-01' + (p.n % 5000), (${ZONES})[1 + p.n % 4],
           CASE WHEN p.n % 10 <> 0 THEN now() - make_interval(mins => p.n % 90) END, now() - make_interval(mins => p.n % 600), now() - interval '1 year', now()
    FROM ${prefix}_p p JOIN ${prefix}_f f ON f.n = p.f`,
    [org],
  );
  // nine in ten paired
  await client.query(`
    INSERT INTO patient_devices (id, patient_id, credential_hash, platform, app_version)
    SELECT gen_random_uuid(), id, encode(sha256(id::text::bytea), 'hex'), (CASE WHEN n % 3 = 0 THEN 'android' ELSE 'ios' END)::"DevicePlatform", '1.4.0'
    FROM ${prefix}_p WHERE n % 10 <> 0`);
  // six reminders a day at local 08:00...20:00 over the last week and today: done or (one in eight) missed when past, pending after now
  await client.query(`
    INSERT INTO reminders (id, patient_id, type, title, due_at, status, updated_at)
    SELECT gen_random_uuid(), p.id, (CASE WHEN h IN (8, 20) THEN 'medication' WHEN h IN (12, 18) THEN 'meal' ELSE 'hydration' END)::"ScheduleType", 'Reminder ' || h,
           x.due, (CASE WHEN x.due >= now() THEN 'pending' WHEN (p.n + d + h) % 8 = 0 THEN 'missed' ELSE 'completed' END)::"ReminderStatus", now()
    FROM ${prefix}_p p JOIN patients pt ON pt.id = p.id
    CROSS JOIN generate_series(-7, 0) d CROSS JOIN unnest(ARRAY[8, 10, 12, 15, 18, 20]) h
    CROSS JOIN LATERAL (SELECT ((date_trunc('day', now() AT TIME ZONE pt.timezone) + make_interval(days => d, hours => h)) AT TIME ZONE pt.timezone) AS due) x`);
  // two conversations a day for a week
  await client.query(`
    INSERT INTO conversations (id, patient_id, conversation_type, started_at, last_turn_at, turn_count, sentiment, topics)
    SELECT gen_random_uuid(), p.id, 'spontaneous', now() - make_interval(hours => k * 12 + p.n % 11), now() - make_interval(hours => k * 12 + p.n % 11, mins => -3), 4,
           (ARRAY['positive','neutral','positive','concerned','neutral','distressed'])[1 + (p.n + k) % 6]::"Sentiment", ARRAY['family']
    FROM ${prefix}_p p CROSS JOIN generate_series(0, 13) k`);
  // a heartbeat every 30 minutes for a day, paired phones
  await client.query(`
    INSERT INTO activity_logs (id, patient_id, activity_type, occurred_at)
    SELECT gen_random_uuid(), p.id, (CASE WHEN k % 8 = 0 THEN 'app_open' ELSE 'heartbeat' END)::"ActivityType", now() - make_interval(mins => k * 30 + p.n % 30)
    FROM ${prefix}_p p CROSS JOIN generate_series(0, 47) k WHERE p.n % 10 <> 0`);
  // a year of alert history: 20 per patient, resolved within hours
  await client.query(`
    INSERT INTO alerts (id, patient_id, type, severity, status, title, description, source, dedup_key, created_at, first_occurred_at, last_occurred_at,
                        acknowledged_at, resolved_at, updated_at)
    SELECT gen_random_uuid(), p.id, (ARRAY['inactivity','missed_medication','health_concern','device','missed_reminder']::"AlertType"[])[1 + (p.n + k) % 5],
           (ARRAY['low','medium','medium','high','critical']::"Severity"[])[1 + (p.n * 7 + k) % 5], 'resolved', 'Past alert', 'Resolved earlier', 'bench', 'h' || k,
           now() - make_interval(days => k * 18 + 1 + p.n % 17), now() - make_interval(days => k * 18 + 1 + p.n % 17), now() - make_interval(days => k * 18 + 1 + p.n % 17),
           now() - make_interval(days => k * 18 + 1 + p.n % 17) + interval '12 minutes', now() - make_interval(days => k * 18 + 1 + p.n % 17) + interval '3 hours', now()
    FROM ${prefix}_p p CROSS JOIN generate_series(0, 19) k`);
  // open alerts on about one patient in 12 (one in 48 critical or high), and some acknowledged
  await client.query(`
    INSERT INTO alerts (id, patient_id, type, severity, status, title, description, source, dedup_key, open_key, created_at, first_occurred_at, last_occurred_at,
                        acknowledged_at, updated_at)
    SELECT gen_random_uuid(), p.id, a.type, a.severity, a.status, 'Open alert', 'Needs a look', 'bench', 'open', p.id::text || ':' || a.type::text || ':open',
           now() - make_interval(mins => p.n % 300), now() - make_interval(mins => p.n % 300), now() - make_interval(mins => p.n % 97),
           CASE WHEN a.status = 'acknowledged' THEN now() - make_interval(mins => p.n % 50) END, now()
    FROM ${prefix}_p p CROSS JOIN LATERAL (SELECT
      (CASE WHEN p.n % 48 = 0 THEN 'health_concern' WHEN p.n % 2 = 0 THEN 'missed_medication' ELSE 'inactivity' END)::"AlertType" AS type,
      (CASE WHEN p.n % 96 = 0 THEN 'critical' WHEN p.n % 48 = 0 THEN 'high' WHEN p.n % 3 = 0 THEN 'medium' ELSE 'low' END)::"Severity" AS severity,
      (CASE WHEN p.n % 60 = 0 THEN 'acknowledged' ELSE 'open' END)::"AlertStatus" AS status) a
    WHERE p.n % 12 = 0 OR p.n % 60 = 30`);
}

/** Facilities 1..count of an organization as a temporary table (n, id): 1 is the default one the database created with it. */
async function facilities(org: string, prefix: string, count: number) {
  await client.query(
    `CREATE TEMP TABLE ${prefix}_f AS SELECT 1 AS n, id FROM facilities WHERE organization_id = $1 AND is_default
     UNION ALL SELECT g, gen_random_uuid() FROM generate_series(2, ${count}) g`,
    [org],
  );
  await client.query(`UPDATE facilities SET name = 'Branch 01', address = '1 Main Street' WHERE organization_id = $1`, [org]);
  await client.query(
    `INSERT INTO facilities (id, organization_id, name, address, updated_at)
     SELECT id, $1, 'Branch ' || lpad(n::text, 2, '0'), n || ' Main Street', now() FROM ${prefix}_f WHERE n > 1`,
    [org],
  );
}

async function seed() {
  const t0 = performance.now();
  const run = Date.now();
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO organizations (id, name, updated_at) VALUES (gen_random_uuid(), 'Bench home care', now()) RETURNING id`,
  );
  const org = rows[0].id;
  await facilities(org, "org", FACILITIES);
  // caregiver n works at facility ((n - 1) % FACILITIES) + 1
  await client.query(
    `CREATE TEMP TABLE org_c AS SELECT g AS n, gen_random_uuid() AS id, ((g - 1) % ${FACILITIES}) + 1 AS f FROM generate_series(1, ${CAREGIVERS}) g`,
  );
  await client.query(`
    INSERT INTO caregivers (id, email, password_hash, first_name, last_name, timezone, updated_at)
    SELECT id, 'staff' || n || '-${run}@bench.test', 'x', 'Carer' || n, 'Staff' || lpad(n::text, 3, '0'), 'America/Chicago', now() FROM org_c`);
  // 1 owner; 2-4 admins of the whole organization; the next FACILITIES are facility admins of their own facility (one in five of
  // two: theirs and the next); everyone else a member
  await client.query(
    `INSERT INTO memberships (id, organization_id, caregiver_id, role, facility_ids, updated_at)
     SELECT gen_random_uuid(), $1, c.id, (CASE WHEN c.n = 1 THEN 'owner' WHEN c.n <= 4 + ${FACILITIES} THEN 'admin' ELSE 'member' END)::"OrgRole",
            CASE WHEN c.n BETWEEN 5 AND 4 + ${FACILITIES} THEN
              (SELECT array_agg(f.id) FROM org_f f WHERE f.n = c.f OR ((c.n - 5) % 5 = 0 AND f.n = c.f % ${FACILITIES} + 1)) ELSE '{}' END, now()
     FROM org_c c`,
    [org],
  );
  await seedPatients(org, "org", PATIENTS, FACILITIES);
  // care teams: three caregivers of the patient's facility (primary, secondary, viewer)
  const perFacility = Math.max(1, Math.floor(CAREGIVERS / FACILITIES));
  await client.query(`
    INSERT INTO care_team_members (id, patient_id, caregiver_id, standing, contact_order, updated_at)
    SELECT gen_random_uuid(), p.id, c.id, (ARRAY['primary','secondary','viewer']::"CareStanding"[])[j + 1], j + 1, now()
    FROM org_p p CROSS JOIN generate_series(0, 2) j JOIN org_c c ON c.n = p.f + ${FACILITIES} * ((p.n + j * 3) % ${perFacility})
    ON CONFLICT DO NOTHING`);
  // the measured facility admin (caregiver 5) is also on the care team of one patient of another facility
  await client.query(`
    INSERT INTO care_team_members (id, patient_id, caregiver_id, standing, contact_order, updated_at)
    SELECT gen_random_uuid(), p.id, c.id, 'secondary', 4, now() FROM org_p p, org_c c WHERE c.n = 5 AND p.f = ${Math.min(FACILITIES, 30)} AND p.n > 4 * ${FACILITIES}
    ORDER BY p.n LIMIT 1 ON CONFLICT DO NOTHING`);
  // another organization's rows in the same tables
  const { rows: other } = await client.query<{ id: string }>(
    `INSERT INTO organizations (id, name, updated_at) VALUES (gen_random_uuid(), 'Other agency', now()) RETURNING id`,
  );
  await facilities(other[0].id, "oth", 5);
  await seedPatients(other[0].id, "oth", OTHER_PATIENTS, 5);
  await client.query("VACUUM ANALYZE");
  const { rows: counts } = await client.query<{ t: string; n: number }>(`
    SELECT 'facilities' AS t, count(*)::int AS n FROM facilities UNION ALL
    SELECT 'patients', count(*)::int FROM patients UNION ALL
    SELECT 'caregivers', count(*)::int FROM caregivers UNION ALL
    SELECT 'care-team rows', count(*)::int FROM care_team_members UNION ALL
    SELECT 'alerts', count(*)::int FROM alerts UNION ALL
    SELECT 'open or acknowledged alerts', count(*)::int FROM alerts WHERE status IN ('open', 'acknowledged') UNION ALL
    SELECT 'reminders', count(*)::int FROM reminders UNION ALL
    SELECT 'conversations', count(*)::int FROM conversations UNION ALL
    SELECT 'activity rows', count(*)::int FROM activity_logs`);
  const { rows: who } = await client.query<{ n: number; id: string }>(`SELECT n, id FROM org_c WHERE n IN (2, 5)`);
  const { rows: fa } = await client.query<{ patients: number; open: number; all: number }>(
    `SELECT (SELECT count(*)::int FROM patients p WHERE p.facility_id = ANY(m.facility_ids)) AS patients,
            (SELECT count(*)::int FROM alerts a JOIN patients p ON p.id = a.patient_id WHERE p.facility_id = ANY(m.facility_ids) AND a.status = 'open') AS open,
            (SELECT count(*)::int FROM alerts a JOIN patients p ON p.id = a.patient_id WHERE p.facility_id = ANY(m.facility_ids)) AS all
     FROM memberships m JOIN org_c c ON c.id = m.caregiver_id WHERE c.n = 5`,
  );
  return {
    wholeAdmin: who.find((w) => w.n === 2)!.id,
    facilityAdmin: who.find((w) => w.n === 5)!.id,
    facilityAdminSees: fa[0],
    counts,
    ms: Math.round(performance.now() - t0),
  };
}

/** A dashboard session written directly, and its cookie (fresh for each measurement: the idle logoff counts from its last activity). */
async function sessionCookie(caregiverId: string) {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO sessions (id, caregiver_id, kind, expires_at) VALUES (gen_random_uuid(), $1, 'web', now() + interval '1 day') RETURNING id`,
    [caregiverId],
  );
  const name = "authjs.session-token";
  return `${name}=${await encode({ token: { sub: caregiverId, sid: rows[0].id }, secret, salt: name, maxAge: 86_400 })}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

/** p50/p95 of one page or endpoint, one request at a time. */
async function measure(caregiverId: string, url: string) {
  const cookie = await sessionCookie(caregiverId);
  let bytes = 0;
  const get = async () => {
    const r = await fetch(`${base}${url}`, { headers: { cookie } });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${body.slice(0, 300)}`);
    bytes = body.length;
  };
  for (let i = 0; i < WARMUPS; i++) await get();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await get();
    samples.push(performance.now() - t0);
  }
  return { ...stats(samples), bytes };
}

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) return;
    } catch {
      /* not yet */
    }
    await sleep(500);
  }
  throw new Error("server did not become ready");
}

async function main() {
  await client.connect();
  const seeded = await seed();
  const app = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", AUTH_SECRET: secret, LOG_LEVEL: "warn", APP_URL: base, ELDA_EMBEDDED_JOBS: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const rows: string[] = [];
  try {
    await waitForServer();
    const { wholeAdmin, facilityAdmin } = seeded;
    const cases: [string, string, string][] = [
      ["`/patients` (dashboard page), admin of the whole organization", wholeAdmin, "/patients"],
      ["`GET /api/v1/patients` (first page of 20 by name, with `total`), admin of the whole organization", wholeAdmin, "/api/v1/patients"],
      ["`/` (home: open alerts, the first 20 patient cards, most in need of attention first), facility admin", facilityAdmin, "/"],
      ["`GET /api/v1/overview`, facility admin", facilityAdmin, "/api/v1/overview"],
      ["`/alerts` (inbox page: open alerts, 25 a page, with the patient filter's list), facility admin", facilityAdmin, "/alerts"],
      ["`GET /api/v1/alerts` (every status, newest first, with `total`), facility admin", facilityAdmin, "/api/v1/alerts"],
      ["`GET /api/v1/alerts?status=open`, facility admin", facilityAdmin, "/api/v1/alerts?status=open"],
      ["`/` (home), admin of the whole organization (5,000 patients ranked, the first 20 cards)", wholeAdmin, "/"],
      ["`GET /api/v1/overview` (first page of 20), admin of the whole organization", wholeAdmin, "/api/v1/overview"],
    ];
    for (const [label, who, url] of cases) {
      const r = await measure(who, url);
      const f = (ms: number) => ms.toFixed(1);
      rows.push(`| ${label} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.max)} | ${Math.round(r.bytes / 1024)} |`);
      console.error(rows[rows.length - 1]);
    }
  } finally {
    app.kill("SIGTERM");
    await sleep(1_000);
    await client.end();
  }
  const fa = seeded.facilityAdminSees;
  console.log(
    `\nSeeded in ${(seeded.ms / 1000).toFixed(1)} s: ${seeded.counts.map((c) => `${c.t} ${c.n.toLocaleString("en")}`).join(", ")}. The facility admin ` +
      `administers ${fa.patients} patients (${fa.open} open alerts, ${fa.all.toLocaleString("en")} in all) and is on one other patient's care team.`,
  );
  console.log(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0].model}), load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}, Node ${process.version}. ${RUNS} timed requests after ${WARMUPS} warm-ups, one at a time.\n`,
  );
  console.log("| Page or endpoint | p50 ms | p95 ms | max ms | KiB |\n|---|---|---|---|---|");
  console.log(rows.join("\n"));
}

await main();
