import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
/** a Prisma client or the transaction client handed to `db.$transaction(async (tx) => ...)` */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const g = globalThis as unknown as { eldaPrisma?: PrismaClient };

function create(): PrismaClient {
  const c = config();
  const adapter = new PrismaPg({ connectionString: c.databaseUrl, max: c.databasePoolMax });
  return new PrismaClient({ adapter });
}

/** The one Prisma client of this process (pg in production, the embedded PGlite socket locally). */
export const db: PrismaClient = g.eldaPrisma ?? create();
g.eldaPrisma = db;

export * from "./generated/client";
