import "server-only";
import { pool } from "@/lib/db/client";
import type { Queryable } from "./compute-patient-analytics";

/** No analytics statement may run longer than this (a year of one patient takes well under a second). */
export const ANALYTICS_STATEMENT_TIMEOUT_MS = 10_000;

/**
 * Analytics read on one connection of the shared pool, read-only, with a statement timeout: however many
 * reports are asked for at once, each holds one connection at most and briefly, so alert handling, the
 * phone's heartbeats and the jobs on the same pool are never starved by them.
 */
export async function onOneConnection<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${ANALYTICS_STATEMENT_TIMEOUT_MS}`);
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    failed = true;
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    // a connection that saw an error is closed, not reused (the embedded database's socket can be left a reply behind)
    client.release(failed);
  }
}
