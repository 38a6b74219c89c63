// The floor for heartbeat ingestion: plain node:http + pg, the same writes as one SQL statement
// (device credential check, activity row, patient and device last-seen). Started by scripts/bench.mjs.
import { createHash } from "node:crypto";
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const SQL = `
  WITH d AS (SELECT id, patient_id FROM patient_devices WHERE credential_hash = $1 AND revoked_at IS NULL),
  ins AS (INSERT INTO activity_logs (id, patient_id, device_id, activity_type, device_type, app_version, battery_level, details, occurred_at)
          SELECT gen_random_uuid(), d.patient_id, d.id, 'heartbeat', $2, $3, $4, $5::jsonb, now() FROM d RETURNING patient_id),
  pu AS (UPDATE patients SET last_heartbeat_at = now(), last_active_at = now() WHERE id IN (SELECT patient_id FROM ins) RETURNING id),
  du AS (UPDATE patient_devices SET last_seen_at = now(), battery_level = $4 WHERE id IN (SELECT id FROM d) RETURNING id)
  SELECT (SELECT count(*) FROM pu) AS n`;

http
  .createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString());
        const token = (req.headers.authorization ?? "").slice(7);
        const hash = createHash("sha256").update(token).digest("hex");
        const r = await pool.query(SQL, [
          hash,
          body.device_type ?? null,
          body.app_version ?? null,
          body.battery_level ?? null,
          JSON.stringify(body.details ?? {}),
        ]);
        if (Number(r.rows[0].n) === 0) {
          res.writeHead(401).end();
          return;
        }
        res.writeHead(200, { "content-type": "application/json" }).end('{"success":true,"pending_actions":[]}');
      } catch {
        res.writeHead(500).end();
      }
    });
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
