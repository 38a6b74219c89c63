import pg from "pg";
import { inject } from "vitest";

// Runs before each test file's imports: point the app's config at the file's database.
// On PostgreSQL test files run in parallel, and jobs such as the inactivity sweep read every patient in
// the database, so each file gets its own database, cloned from the run's migrated template: one file's
// patients (some deliberately broken) never reach another file's sweep.
if (inject("embedded")) {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.ELDA_EMBEDDED_DB = "1";
} else {
  process.env.DATABASE_URL = await cloneTemplate(inject("databaseUrl"));
}
(process.env as Record<string, string>).NODE_ENV = "test";
process.env.AUTH_SECRET ??= "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
// the tests play one proxy of ours in front of the app: the X-Forwarded-For they send is what it appended
process.env.TRUSTED_PROXY_HOPS ??= "1";
process.env.LOG_LEVEL ??= "silent";

async function cloneTemplate(templateUrl: string): Promise<string> {
  const template = new URL(templateUrl);
  const templateName = template.pathname.slice(1);
  const name = `${templateName}_f${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new URL(templateUrl);
  admin.pathname = "/postgres";
  for (let attempt = 1; ; attempt++) {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
      break;
    } catch (err) {
      // two clones of one template at the same instant: PostgreSQL refuses the second; try again
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    } finally {
      await c.end();
    }
  }
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
