// The embedded PostgreSQL (PGlite served over a local TCP socket) used when DATABASE_URL is unset.
// Only one process may open a PGlite data directory; everything else connects through the socket.
// PGlite has one session for all connections, so the app keeps a single pooled connection to it
// (ELDA_EMBEDDED_DB=1 makes lib/config.ts choose a pool of one).
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { mkdirSync } from "node:fs";
import net from "node:net";
import pg from "pg";

export const urlFor = (port) => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

const portFree = (port) =>
  new Promise((resolve) => {
    const s = net
      .createServer()
      .once("error", () => resolve(false))
      .once("listening", () => s.close(() => resolve(true)));
    s.listen(port, "127.0.0.1");
  });

async function answersPostgres(port) {
  const client = new pg.Client({ connectionString: urlFor(port), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function serve(dataDir, port, maxConnections) {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  // pg_trgm: the patient list's name search index (prisma/migrations/20261204010000_patient_name_search)
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections });
  await server.start();
  return {
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * Start (or join, when another Elda process already serves it) the embedded database and its in-memory
 * shadow database for `prisma migrate dev`. Resolves to { url, shadowUrl, stop, joined }.
 */
export async function startEmbeddedDatabase({ dataDir, port, shadow: withShadow = true }) {
  if (!(await portFree(port))) {
    if (await answersPostgres(port)) {
      return { url: urlFor(port), shadowUrl: urlFor(port + 1), joined: true, stop: async () => {} };
    }
    throw new Error(`port ${port} is taken by something that is not a database; set PGLITE_PORT to another port`);
  }
  if (withShadow && !(await portFree(port + 1))) throw new Error(`port ${port + 1} (shadow database) is taken; set PGLITE_PORT`);
  const main = await serve(dataDir, port, 20);
  const shadow = withShadow ? await serve("memory://", port + 1, 4) : null;
  return {
    url: urlFor(port),
    shadowUrl: urlFor(port + 1),
    joined: false,
    async stop() {
      await shadow?.stop().catch(() => {});
      await main.stop().catch(() => {});
    },
  };
}

/** A free TCP port on 127.0.0.1 (for tests). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .once("error", reject)
      .listen(0, "127.0.0.1", () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
  });
}
