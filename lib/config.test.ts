import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";
import { scheduledJobs } from "./jobs/jobs";

describe("configuration", () => {
  it("refuses to start a deployment without its secrets, naming each one", () => {
    expect(() => parseConfig({ NODE_ENV: "production", DATABASE_URL: "postgresql://u@db.example.com/elda" })).toThrow(/AUTH_SECRET/);
  });

  it("generates missing secrets in local mode, keeps them in the data folder, and reuses them", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "elda-config-"));
    const a = parseConfig({ NODE_ENV: "development", ELDA_DATA_DIR: dir });
    const b = parseConfig({ NODE_ENV: "production", ELDA_EMBEDDED_DB: "1", DATABASE_URL: "postgresql://postgres@127.0.0.1:5433/postgres", ELDA_DATA_DIR: dir });
    expect(a.authSecret).toHaveLength(43);
    expect(b.authSecret).toBe(a.authSecret);
    const file = path.join(dir, "secrets.json");
    expect(JSON.parse(readFileSync(file, "utf8")).AUTH_SECRET).toBe(a.authSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(a.embeddedDatabase).toBe(true);
    expect(a.databasePoolMax).toBe(1);
  });

  it("uses the given secret and PostgreSQL settings in a deployment", () => {
    const c = parseConfig({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://u@db.example.com/elda",
      AUTH_SECRET: "x".repeat(40),
      CORS_ORIGINS: "https://a.example, https://b.example",
    });
    expect(c.deployment).toBe(true);
    expect(c.embeddedDatabase).toBe(false);
    expect(c.databasePoolMax).toBe(10);
    expect(c.corsOrigins).toEqual(["https://a.example", "https://b.example"]);
  });

  it("explains an invalid environment", () => {
    expect(() => parseConfig({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
    expect(() => parseConfig({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
  });
});

describe("Web Push (VAPID) keys", () => {
  const pair = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "elda-vapid-"));
    return parseConfig({ NODE_ENV: "development", ELDA_DATA_DIR: dir }).webPush!;
  };

  it("makes a key pair in local mode, kept in .data/secrets.json beside the other secrets, and reuses it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "elda-vapid-"));
    const a = parseConfig({ NODE_ENV: "development", ELDA_DATA_DIR: dir, APP_URL: "https://care.example.org/x" });
    const b = parseConfig({ NODE_ENV: "development", ELDA_DATA_DIR: dir });
    expect(Buffer.from(a.webPush!.publicKey, "base64url")).toHaveLength(65);
    expect(Buffer.from(a.webPush!.privateKey, "base64url")).toHaveLength(32);
    expect(b.webPush).toMatchObject({ publicKey: a.webPush!.publicKey, privateKey: a.webPush!.privateKey, subject: "mailto:webpush@localhost" });
    expect(a.webPush!.subject).toBe("https://care.example.org");
    const stored = JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8"));
    expect(stored.VAPID_PUBLIC_KEY).toBe(a.webPush!.publicKey);
  });

  it("uses the environment's keys; without them a deployment (and a test run) simulates pushes", () => {
    const keys = pair();
    const deploy = { NODE_ENV: "production", DATABASE_URL: "postgresql://u@db.example.com/elda", AUTH_SECRET: "x".repeat(40) };
    expect(parseConfig(deploy).webPush).toBeNull();
    // a test run neither makes a pair nor uses one a local run stored
    const dir = mkdtempSync(path.join(tmpdir(), "elda-vapid-"));
    parseConfig({ NODE_ENV: "development", ELDA_DATA_DIR: dir });
    expect(parseConfig({ NODE_ENV: "test", ELDA_DATA_DIR: dir }).webPush).toBeNull();
    const c = parseConfig({ ...deploy, VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: "mailto:ops@example.org" });
    expect(c.webPush).toEqual({ publicKey: keys.publicKey, privateKey: keys.privateKey, subject: "mailto:ops@example.org" });
    expect(c.webPushAllowedHosts).toContain("fcm.googleapis.com");
  });

  it("refuses half a pair, keys of the wrong size and a subject push services would reject", () => {
    const keys = pair();
    expect(() => parseConfig({ NODE_ENV: "test", VAPID_PUBLIC_KEY: keys.publicKey })).toThrow(/set both or neither/);
    expect(() => parseConfig({ NODE_ENV: "test", VAPID_PUBLIC_KEY: keys.privateKey, VAPID_PRIVATE_KEY: keys.privateKey })).toThrow(/VAPID_PUBLIC_KEY/);
    expect(() => parseConfig({ NODE_ENV: "test", VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: "not base64!" })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => parseConfig({ NODE_ENV: "test", VAPID_SUBJECT: "http://example.org" })).toThrow(/VAPID_SUBJECT/);
  });

  it("JOB_SCHEDULES moves a cron job to another schedule, and refuses a malformed pair, a bad cron or an unknown job", () => {
    const jobs = scheduledJobs("inactivity-sweep=* * * * *; audit-seal = */2 * * * *");
    const cron = (id: string) => jobs.find((j) => j.id === id)!.trigger;
    expect(cron("inactivity-sweep")).toEqual({ cron: "* * * * *" });
    expect(cron("audit-seal")).toEqual({ cron: "*/2 * * * *" });
    expect(cron("reminders-deliver")).toEqual({ cron: "* * * * *" });
    expect(cron("data-retention")).toEqual({ cron: "30 3 * * *" });
    expect(scheduledJobs(undefined).find((j) => j.id === "inactivity-sweep")!.trigger).toEqual({ cron: "*/5 * * * *" });
    expect(() => parseConfig({ NODE_ENV: "test", AUTH_SECRET: "x".repeat(40), JOB_SCHEDULES: "inactivity-sweep" })).toThrow(/JOB_SCHEDULES/);
    expect(() => parseConfig({ NODE_ENV: "test", AUTH_SECRET: "x".repeat(40), JOB_SCHEDULES: "inactivity-sweep=* * * * * *" })).toThrow(/JOB_SCHEDULES/);
    expect(() => parseConfig({ NODE_ENV: "test", AUTH_SECRET: "x".repeat(40), JOB_SCHEDULES: "inactivity-sweep=61 * * * *" })).toThrow(/JOB_SCHEDULES/);
    expect(() => scheduledJobs("inactivity-evaluate=* * * * *")).toThrow(/not a scheduled job/);
    expect(() => scheduledJobs("no-such-job=* * * * *")).toThrow(/not a scheduled job/);
  });
});
