import "server-only";
import { db } from "./client";
import { LATEST_MIGRATION } from "./latest-migration";

/** Readiness: the database answers and every migration this build knows is applied. */
export async function checkReadiness() {
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = rows.some((r) => r.migration_name === LATEST_MIGRATION);
    return { ready: applied, database: "ok" as const, migrations: applied ? "applied" : `pending (need ${LATEST_MIGRATION})` };
  } catch {
    return { ready: false, database: "unreachable" as const, migrations: "unknown" };
  }
}
