import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startFakeProviders } from "@/lib/testing/fake-providers";
import { holdLease, leaseHolder, releaseLease } from "./leader-lease";

const root = path.resolve(import.meta.dirname, "../..");

describe("the scheduler lease", () => {
  it("goes to one holder at a time, is renewed by it, and passes on once it runs out or is given up", async () => {
    const name = `lease-${randomUUID()}`;
    expect(await holdLease("a", 4_000, name)).toBe(true);
    expect(await holdLease("b", 4_000, name)).toBe(false);
    expect(await holdLease("a", 4_000, name)).toBe(true);
    expect((await leaseHolder(name))?.holder).toBe("a");
    await new Promise((r) => setTimeout(r, 4_500));
    expect(await holdLease("b", 4_000, name)).toBe(true);
    expect(await holdLease("a", 4_000, name)).toBe(false);
    await releaseLease("a", name);
    expect((await leaseHolder(name))?.holder).toBe("b");
    await releaseLease("b", name);
    expect(await holdLease("a", 4_000, name)).toBe(true);
  }, 30_000);
});

/** A separate Node process running the embedded runner (lib/testing/job-runner-process.ts), and what it printed. */
function startRunner() {
  // node itself with tsx's loader (the tsx binary would run it in a grandchild a SIGKILL does not reach)
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/testing/job-runner-process.ts"], {
    cwd: root,
    env: { ...process.env, RUNNER_LEASE_TTL_MS: "3000", RUNNER_LEASE_RENEW_MS: "1000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: { pid: number; ready?: boolean; leader?: boolean; ran?: string; at: number }[] = [];
  let rest = "";
  child.stdout!.on("data", (d) => {
    const parts = (rest + d).split("\n");
    rest = parts.pop()!;
    for (const p of parts) if (p.startsWith("{")) lines.push({ ...JSON.parse(p), at: Date.now() });
  });
  let errors = "";
  child.stderr!.on("data", (d) => (errors += d));
  return {
    child,
    lines,
    errors: () => errors,
    leads: () => lines.filter((l) => l.leader !== undefined).at(-1)?.leader === true,
    runs: () => lines.filter((l) => l.ran).length,
  };
}

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("two processes running the embedded runner on one database", () => {
  let fake: Awaited<ReturnType<typeof startFakeProviders>>;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    fake = await startFakeProviders({ twilio: false });
  });
  afterEach(() => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  });
  afterAll(async () => {
    await fake.stop();
  });

  /** `n` test emails waiting to be sent, as a caregiver's "send a test notification" records them. */
  async function queueEmails(n: number, label: string) {
    const recipients = Array.from({ length: n }, (_, i) => `${label}-${i}-${randomUUID().slice(0, 8)}@example.com`);
    await db.notificationAttempt.createMany({
      data: recipients.map((recipient) => ({ idempotencyKey: `lease-test-${recipient}`, channel: "email", purpose: "test", recipient })),
    });
    return recipients;
  }

  it("only the lease holder sends; when it is killed the other takes over within seconds; nothing is sent twice or missed", async () => {
    const first = await queueEmails(6, "before");
    const a = startRunner();
    const b = startRunner();
    children.push(a.child, b.child);
    await until("both runners started", () => a.lines.some((l) => l.ready) && b.lines.some((l) => l.ready), 150_000);
    await until("the first emails sent", () => first.every((to) => fake.mailTo(to).length > 0), 60_000);
    // several ticks of both: only one of them leads and runs the sweeps
    await until("a few finished runs", () => a.runs() + b.runs() >= 3, 60_000);
    const [leader, follower] = a.leads() ? [a, b] : [b, a];
    expect(leader.leads(), `neither process leads: ${a.errors()} ${b.errors()}`).toBe(true);
    expect(follower.lines.some((l) => l.leader === true)).toBe(false);
    expect(follower.runs()).toBe(0);
    expect(leader.runs()).toBeGreaterThanOrEqual(3);

    // the leader dies without giving the lease up; new work arrives meanwhile
    leader.child.kill("SIGKILL");
    const killedAt = Date.now();
    const second = await queueEmails(6, "after");
    await until("the other process to take over", () => follower.leads(), 60_000);
    const tookOverAfter = follower.lines.find((l) => l.leader === true)!.at - killedAt;
    await until("the emails queued after the kill sent", () => second.every((to) => fake.mailTo(to).length > 0), 30_000);
    // the lease lasts 3 s and is asked for every second here (30 s and 10 s by default: well within a minute)
    expect(tookOverAfter).toBeLessThan(10_000);
    await until("a finished run of the new leader", () => follower.runs() >= 1, 30_000);

    for (const to of [...first, ...second]) expect(fake.mailTo(to), to).toHaveLength(1);
    const rows = await db.notificationAttempt.findMany({ where: { recipient: { in: [...first, ...second] } } });
    expect(rows.map((r) => r.status)).toEqual(Array(12).fill("sent"));

    // a clean stop gives the lease up at once
    follower.child.kill("SIGTERM");
    await until("the survivor to stop", () => follower.child.exitCode !== null, 15_000);
    expect(await leaseHolder()).toBeNull();
  }, 300_000);
});
