import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { Conflict } from "@/lib/api/errors";
import { startFailingPostgres } from "@/lib/testing/tcp-relay";
import { makeCaregiver } from "@/lib/testing/factories";
import { db, PrismaClient } from "./client";
import { DATABASE_UNAVAILABLE_DIGEST, databaseUnavailableCause, isDatabaseUnavailable, markIfDatabaseUnavailable } from "./unavailable";

/** Every error a query through pg and through Prisma raises against `url`, as the app would make them. */
async function errorsAgainst(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 1_000 });
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const caught: Record<string, unknown> = {};
  const grab = async (name: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
      caught[name] = "no error";
    } catch (err) {
      caught[name] = err;
    }
  };
  await grab("pg", () => pool.query("SELECT 1"));
  await grab("prisma model", () => prisma.caregiver.findFirst());
  await grab("prisma raw", () => prisma.$queryRaw`SELECT 1`);
  await grab("prisma transaction", () => prisma.$transaction((tx) => tx.caregiver.findFirst()));
  await prisma.$disconnect().catch(() => {});
  return caught;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

describe("telling an unreachable database apart from other database errors", () => {
  it("recognises a refused connection, from pg and from each kind of Prisma call", async () => {
    const errors = await errorsAgainst("postgresql://postgres@127.0.0.1:1/postgres");
    for (const [name, err] of Object.entries(errors)) expect(isDatabaseUnavailable(err), name).toBe(true);
    expect(databaseUnavailableCause(errors["prisma model"])).toContain("DatabaseNotReachable");
  });

  it.each(["57P01", "57P03", "53300", "08006"])("recognises a server that refuses connections with SQLSTATE %s", async (sqlstate) => {
    const server = await startFailingPostgres({ sqlstate });
    closers.push(server.close);
    const errors = await errorsAgainst(server.url);
    for (const [name, err] of Object.entries(errors)) expect(isDatabaseUnavailable(err), name).toBe(true);
  });

  it("recognises a connection that breaks, and one that never answers (connect timeout)", async () => {
    for (const behaviour of ["close", "silent"] as const) {
      const server = await startFailingPostgres(behaviour);
      closers.push(server.close);
      const errors = await errorsAgainst(server.url);
      for (const [name, err] of Object.entries(errors)) expect(isDatabaseUnavailable(err), `${behaviour}: ${name}`).toBe(true);
    }
  });

  it("recognises waiting too long for a connection from a full pool", async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 1, connectionTimeoutMillis: 200 });
    const held = await pool.connect();
    try {
      const err = await pool.query("SELECT 1").catch((e: unknown) => e);
      expect(isDatabaseUnavailable(err)).toBe(true);
    } finally {
      held.release();
      await pool.end();
    }
  });

  it("leaves the database's answers alone: a unique violation, a syntax error, our own errors, anything else", async () => {
    const cg = await makeCaregiver();
    const duplicate = await db.caregiver.create({ data: { email: cg.email, passwordHash: "x", firstName: "A", lastName: "B" } }).catch((e: unknown) => e);
    expect((duplicate as { code?: string }).code).toBe("P2002");
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    const syntax = await db.$queryRawUnsafe("SELEC 1").catch((e: unknown) => e);
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    for (const other of [new Conflict("taken"), new Error("boom"), new TypeError("x is undefined"), "a string", null, undefined, 42]) {
      expect(isDatabaseUnavailable(other)).toBe(false);
    }
  });

  it("stamps the digest a page's error boundary looks for, and only on those errors", async () => {
    const { "prisma model": refused } = await errorsAgainst("postgresql://postgres@127.0.0.1:1/postgres");
    expect(markIfDatabaseUnavailable(refused)).toBe(refused);
    expect((refused as { digest?: string }).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    const other = new Error("boom");
    markIfDatabaseUnavailable(other);
    expect((other as { digest?: string }).digest).toBeUndefined();
  });
});
