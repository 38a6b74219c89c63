import "server-only";
import { randomUUID } from "node:crypto";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { EngineMode } from "./engine";

const g = globalThis as unknown as { eldaBootId?: string };
const KEEP_DAYS = 30;

/**
 * Which start of the job engine this process belongs to: the deployment on Vercel (its serverless instances
 * come and go, the deployment started once), the process itself everywhere else (each runs its own runner).
 */
export function currentBootId(env: Record<string, string | undefined> = process.env): string {
  if (env.VERCEL_DEPLOYMENT_ID) return `vercel:${env.VERCEL_DEPLOYMENT_ID}`;
  return `process:${(g.eldaBootId ??= randomUUID())}`;
}

/**
 * Note this start in the database the first time it is seen (later instances of the same deployment change
 * nothing), and forget starts older than 30 days. Returns when this start was first seen.
 */
export async function recordEngineBoot(engine: EngineMode, bootId = currentBootId(), at = clock.now()): Promise<Date> {
  const [row] = await db.$queryRaw<{ started_at: Date }[]>`
    INSERT INTO job_engine_boots (boot_id, engine, started_at) VALUES (${bootId}, ${engine}, ${at})
    ON CONFLICT (boot_id) DO UPDATE SET boot_id = EXCLUDED.boot_id
    RETURNING started_at`;
  await db.$executeRaw`DELETE FROM job_engine_boots WHERE started_at < ${new Date(at.getTime() - KEEP_DAYS * 86_400_000)} AND boot_id <> ${bootId}`;
  return row.started_at;
}
