import pg from "pg";

/**
 * How many statements this process sends to the database while `fn` runs (every pg client: Prisma's adapter
 * and the hand-written hot paths alike). Measurement only: the statements still run. Not for concurrent tests.
 */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let queries = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    queries++;
    return original.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    proto.query = original;
  }
}
