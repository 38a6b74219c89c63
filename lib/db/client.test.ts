import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "@/lib/config";
import { logger } from "@/lib/observability/logger";
import { startTcpRelay, type TcpRelay } from "@/lib/testing/tcp-relay";
import { newPool } from "./client";

/*
 * The app's pool, between it and the test database a relay the test can cut like a server going away. Unheard,
 * a connection's `error` event ends the process: vitest would report it as an unhandled error and fail the run.
 */
let relay: TcpRelay | null = null;
afterEach(async () => {
  await relay?.close();
  relay = null;
  vi.restoreAllMocks();
});

async function poolThroughRelay() {
  const url = new URL(config().databaseUrl);
  relay = await startTcpRelay({ host: url.hostname, port: Number(url.port || 5432) });
  url.host = `127.0.0.1:${relay.port}`;
  return newPool(url.toString(), 2);
}

describe("a database connection that breaks", () => {
  it("while checked out between two queries (a transaction doing work): logged and dropped, and the pool goes on", async () => {
    const warn = vi.spyOn(logger, "warn");
    const pool = await poolThroughRelay();
    const held = await pool.connect();
    expect((await held.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    const ended = new Promise((resolve) => held.once("end", resolve));
    await relay!.cut();
    await ended;
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ cause: expect.any(String) }), "database connection lost");
    // the code holding it finds out at its next query, and gives it back
    await expect(held.query("SELECT 1")).rejects.toThrow();
    held.release(true);
    await relay!.restore();
    expect((await pool.query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
    await pool.end();
  });

  it("while idle in the pool: logged and dropped; the next query gets a new connection", async () => {
    const warn = vi.spyOn(logger, "warn");
    const pool = await poolThroughRelay();
    expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    expect(pool.idleCount).toBe(1);
    await relay!.cut();
    await vi.waitFor(() => expect(pool.totalCount).toBe(0));
    expect(warn).toHaveBeenCalledWith(expect.anything(), "database connection lost");
    await relay!.restore();
    expect((await pool.query("SELECT 3 AS three")).rows).toEqual([{ three: 3 }]);
    await pool.end();
  });
});
