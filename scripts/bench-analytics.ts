// The analytics benchmark (`npm run bench -- analytics`): one patient with a year of data on PostgreSQL
// (100,000 activity rows, 2,000 conversations with 6,000 turns, about 3,000 reminders, 200 alerts) next to
// other patients' rows, then the analytics computation for a year and for 30 days, timed several times
// (p50/p95). With BASE_URL (a server on the same database) and AUTH_SECRET, also the reports page over HTTP.
// Run through scripts/bench.mjs, which creates the database (or uses DATABASE_URL) and sets DATABASE_URL.
import { db, pool } from "@/lib/db/client";
import { computePatientAnalytics } from "@/lib/analytics/compute-patient-analytics";
import { getPatientAnalytics } from "@/lib/analytics/patient-analytics";
import { getCaregiverAnalytics } from "@/lib/analytics/caregiver-analytics";
import { resolveRange } from "@/lib/analytics/range";
import type { CaregiverActor } from "@/lib/auth/actor";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ZONE = "America/Chicago";
const NOW = new Date("2026-11-25T18:00:00Z");
const TODAY = "2026-11-25";

async function seed() {
  const t0 = performance.now();
  const [{ org }] = await db.$queryRawUnsafe<{ org: string }[]>(
    `INSERT INTO organizations (id, name, updated_at) VALUES (gen_random_uuid(), 'Analytics bench', now()) RETURNING id AS org`,
  );
  const [{ cg }] = await db.$queryRawUnsafe<{ cg: string }[]>(
    `INSERT INTO caregivers (id, email, password_hash, first_name, last_name, timezone, updated_at) VALUES (gen_random_uuid(), 'bench-analytics-${Date.now()}@example.test', 'x', 'Bench', 'Caregiver', '${ZONE}', now()) RETURNING id AS cg`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO memberships (id, organization_id, caregiver_id, role, updated_at) VALUES (gen_random_uuid(), '${org}', '${cg}', 'owner', now())`,
  );
  // the patient, and 20 others in the organization with a month of reminders each (the caregiver view)
  await db.$executeRawUnsafe(`
    INSERT INTO patients (id, organization_id, first_name, last_name, date_of_birth, timezone, created_at, updated_at)
    SELECT gen_random_uuid(), '${org}', 'P' || g, 'F' || lpad(g::text, 3, '0'), date '1940-01-01', '${ZONE}', timestamptz '2025-11-01 00:00:00+00', now() FROM generate_series(0, 20) g`);
  const [{ id }] = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM patients WHERE organization_id = '${org}' AND last_name = 'F000'`);
  const year = `timestamptz '2025-11-26 00:00:00-06'`;
  // 100,000 activity rows: one every 315 s over the year, minus the small hours of one night in four (gaps)
  await db.$executeRawUnsafe(`
    INSERT INTO activity_logs (id, patient_id, activity_type, occurred_at)
    SELECT gen_random_uuid(), '${id}', (CASE WHEN g % 20 = 0 THEN 'app_open' ELSE 'heartbeat' END)::"ActivityType", ${year} + make_interval(secs => g * 315)
    FROM generate_series(0, 99999) g`);
  await db.$executeRawUnsafe(`
    DELETE FROM activity_logs WHERE patient_id = '${id}'
      AND extract(hour FROM occurred_at AT TIME ZONE '${ZONE}') BETWEEN 1 AND 4 AND extract(doy FROM occurred_at AT TIME ZONE '${ZONE}')::int % 4 = 0`);
  // 2,000 conversations with 3 turns each
  await db.$executeRawUnsafe(`
    WITH c AS (
      INSERT INTO conversations (id, patient_id, conversation_type, started_at, last_turn_at, turn_count, sentiment, topics)
      SELECT gen_random_uuid(), '${id}', 'spontaneous', ${year} + make_interval(secs => g * 15768), ${year} + make_interval(secs => g * 15768 + 120), 3,
             (ARRAY['positive','neutral','concerned','distressed'])[1 + (g % 7) % 4]::"Sentiment",
             ARRAY[(ARRAY['garden','family','weather','health','food','music'])[1 + g % 6], (ARRAY['grandchildren','church','tv'])[1 + g % 3]]
      FROM generate_series(0, 1999) g RETURNING id, started_at)
    INSERT INTO conversation_turns (id, conversation_id, patient_id, sequence, patient_message, ai_response, sentiment, provider, created_at)
    SELECT gen_random_uuid(), c.id, '${id}', s, 'message', 'answer', (ARRAY['positive','neutral','concerned','distressed'])[1 + (s * 3 + extract(minute FROM c.started_at)::int) % 4]::"Sentiment", 'bench', c.started_at + make_interval(secs => s * 40)
    FROM c CROSS JOIN generate_series(1, 3) s`);
  // 8 reminders a day for a year (2,920), one in eight missed; medications and meals
  await db.$executeRawUnsafe(`
    INSERT INTO reminders (id, patient_id, type, title, due_at, status, updated_at)
    SELECT gen_random_uuid(), '${id}', (CASE WHEN h IN (8, 20) THEN 'medication' WHEN h IN (7, 12, 18) THEN 'meal' ELSE 'hydration' END)::"ScheduleType", 'R',
           ((date '2025-11-26' + d) + make_interval(hours => h)) AT TIME ZONE '${ZONE}', (CASE WHEN (d + h) % 8 = 0 THEN 'missed' ELSE 'completed' END)::"ReminderStatus", now()
    FROM generate_series(0, 364) d CROSS JOIN unnest(ARRAY[7, 8, 10, 12, 15, 18, 20, 21]) h`);
  await db.$executeRawUnsafe(`
    INSERT INTO reminders (id, patient_id, type, title, due_at, status, updated_at)
    SELECT gen_random_uuid(), p.id, 'medication', 'R', timestamptz '2026-10-26 14:00:00+00' + make_interval(days => d), (CASE WHEN d % 5 = 0 THEN 'missed' ELSE 'completed' END)::"ReminderStatus", now()
    FROM patients p CROSS JOIN generate_series(0, 29) d WHERE p.organization_id = '${org}' AND p.id <> '${id}'`);
  // 200 alerts, acknowledged within 5-60 minutes and resolved within a few hours
  await db.$executeRawUnsafe(`
    INSERT INTO alerts (id, patient_id, type, severity, status, title, description, source, dedup_key, created_at, first_occurred_at, last_occurred_at, acknowledged_at, resolved_at, updated_at)
    SELECT gen_random_uuid(), '${id}', (ARRAY['emergency','inactivity','missed_medication','health_concern','device']::"AlertType"[])[1 + g % 5],
           (ARRAY['low','medium','high','critical']::"Severity"[])[1 + g % 4], 'resolved', 'A', 'd', 'bench', 'b' || g,
           ${year} + make_interval(hours => g * 43), ${year} + make_interval(hours => g * 43), ${year} + make_interval(hours => g * 43),
           ${year} + make_interval(hours => g * 43, mins => 5 + g % 55), ${year} + make_interval(hours => g * 43, mins => 60 + g % 240), now()
    FROM generate_series(0, 199) g`);
  // other patients' rows in the same tables, so the indexes are not one patient's alone
  await db.$executeRawUnsafe(`
    INSERT INTO activity_logs (id, patient_id, activity_type, occurred_at)
    SELECT gen_random_uuid(), p.id, 'heartbeat', ${year} + make_interval(secs => g * 3150)
    FROM patients p CROSS JOIN generate_series(0, 9999) g WHERE p.organization_id = '${org}' AND p.id <> '${id}'`);
  await db.$executeRawUnsafe("VACUUM ANALYZE");
  const counts = await db.$queryRawUnsafe<{ t: string; n: number }[]>(`
    SELECT 'activity' AS t, count(*)::int AS n FROM activity_logs WHERE patient_id = '${id}' UNION ALL
    SELECT 'conversations', count(*)::int FROM conversations WHERE patient_id = '${id}' UNION ALL
    SELECT 'turns', count(*)::int FROM conversation_turns WHERE patient_id = '${id}' UNION ALL
    SELECT 'reminders', count(*)::int FROM reminders WHERE patient_id = '${id}' UNION ALL
    SELECT 'alerts', count(*)::int FROM alerts WHERE patient_id = '${id}' UNION ALL
    SELECT 'all activity', count(*)::int FROM activity_logs`);
  return { patientId: id, caregiverId: cg, counts, ms: Math.round(performance.now() - t0) };
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: at(0.5).toFixed(1), p95: at(0.95).toFixed(1), max: s[s.length - 1].toFixed(1) };
}

async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < 2; i++) await fn(); // warm-up: plans, connections
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

async function overHttp(caregiverId: string, path: string) {
  const base = process.env.BASE_URL!;
  const secret = process.env.AUTH_SECRET!;
  const [{ sid }] = await db.$queryRawUnsafe<{ sid: string }[]>(
    `INSERT INTO sessions (id, caregiver_id, kind, expires_at) VALUES (gen_random_uuid(), '${caregiverId}', 'web', now() + interval '1 day') RETURNING id AS sid`,
  );
  const { encode } = await import("next-auth/jwt");
  const name = "authjs.session-token";
  const cookie = `${name}=${await encode({ token: { sub: caregiverId, sid }, secret, salt: name, maxAge: 86_400 })}`;
  return time(async () => {
    const r = await fetch(`${base}${path}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    await r.text();
  });
}

async function main() {
  const seeded = await seed();
  const { patientId, caregiverId } = seeded;
  const actor: CaregiverActor = { kind: "caregiver", caregiverId, via: "session", sessionId: "00000000-0000-0000-0000-000000000000" };
  const year = resolveRange({ from: "2025-11-26", to: TODAY }, TODAY);
  const month = resolveRange({ from: "2026-10-27", to: TODAY }, TODAY);
  const rows: string[] = [];
  const row = (label: string, s: { p50: string; p95: string; max: string }) => rows.push(`| ${label} | ${s.p50} | ${s.p95} | ${s.max} |`);
  row("year (365 days), by day: the seven statements", await time(() => computePatientAnalytics(pool, patientId, ZONE, year, "day", NOW)));
  row("year, by week", await time(() => computePatientAnalytics(pool, patientId, ZONE, year, "week", NOW)));
  row("year, by month", await time(() => computePatientAnalytics(pool, patientId, ZONE, year, "month", NOW)));
  row("30 days, by day", await time(() => computePatientAnalytics(pool, patientId, ZONE, month, "day", NOW)));
  row(
    "year, by day, as the page does it (access check + audit row)",
    await time(() => getPatientAnalytics(actor, patientId, { from: year.from, to: year.to, granularity: "day" }, NOW)),
  );
  row("all my patients (21), 30 days, as the page does it", await time(() => getCaregiverAnalytics(actor, { from: month.from, to: month.to }, NOW)));
  if (process.env.BASE_URL && process.env.AUTH_SECRET) {
    row(
      `GET /patients/{id}/reports?period=365 (a year, grouped by month as the page chooses) over HTTP`,
      await overHttp(caregiverId, `/patients/${patientId}/reports?period=365`),
    );
    row(`GET /patients/{id}/reports (the default: 30 days by day) over HTTP`, await overHttp(caregiverId, `/patients/${patientId}/reports`));
    row(
      `GET /patients/{id}/reports?period=365&granularity=week (a year, by week) over HTTP`,
      await overHttp(caregiverId, `/patients/${patientId}/reports?period=365&granularity=week`),
    );
    row(
      `GET /patients/{id}/reports?period=90&granularity=day (the longest range the page shows by day) over HTTP`,
      await overHttp(caregiverId, `/patients/${patientId}/reports?period=90&granularity=day`),
    );
    row(
      `GET /api/v1/patients/{id}/analytics (a year) over HTTP`,
      await overHttp(caregiverId, `/api/v1/patients/${patientId}/analytics?from=${year.from}&to=${year.to}`),
    );
  }
  console.log(
    `\nSeeded in ${(seeded.ms / 1000).toFixed(1)} s: ${seeded.counts.map((c) => `${c.t} ${c.n.toLocaleString("en")}`).join(", ")}. ${RUNS} timed runs after 2 warm-ups.\n`,
  );
  console.log("| Work | p50 ms | p95 ms | max ms |\n|---|---|---|---|");
  console.log(rows.join("\n"));
  await pool.end();
}

await main();
