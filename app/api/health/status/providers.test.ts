import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { reloadConfig } from "@/lib/config";
import { db, type NotificationChannel, type NotificationStatus } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { startFakeProviders } from "@/lib/testing/fake-providers";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { currentBootId } from "@/lib/jobs/engine-boot";
import * as status from "./route";

/**
 * The providers in GET /api/health/status, from notification attempts and conversation turns as the senders
 * and the companion record them. These rows live in 2034, a year no other test uses (the embedded database
 * is shared by every test file), and the job engine "started" a minute before each question, so no job is late.
 */
const T = new Date("2034-05-06T12:00:00Z");
const ago = (minutes: number) => new Date(T.getTime() - minutes * 60_000);

async function statusAt(t: Date, headers: Record<string, string> = {}) {
  const bootId = currentBootId();
  const startedAt = new Date(t.getTime() - 60_000);
  await db.jobEngineBoot.upsert({ where: { bootId }, create: { bootId, engine: "embedded", startedAt }, update: { startedAt } });
  clock.set(t);
  return call(status.GET, { path: "/api/health/status", headers });
}

/** One attempt as a sender settles it: `failed` (or pending again for a retry) with its error, or sent. */
async function attempt(channel: NotificationChannel, outcome: NotificationStatus, at: Date, recipient = `+1555${randomUUID().slice(0, 7)}`) {
  const failed = outcome === "failed" || outcome === "pending";
  await db.notificationAttempt.create({
    data: {
      idempotencyKey: `provider-test-${randomUUID()}`,
      channel,
      purpose: "test",
      recipient,
      status: outcome,
      attemptCount: 1,
      error: failed ? "connect ECONNREFUSED" : null,
      nextAttemptAt: outcome === "pending" ? new Date(at.getTime() + 60_000) : null,
      sentAt: failed ? null : at,
      statusUpdatedAt: at,
      createdAt: at,
    },
  });
  return recipient;
}

const provider = (body: { providers: { id: string; state: string }[] }, id: string) => body.providers.find((p) => p.id === id);

let fake: Awaited<ReturnType<typeof startFakeProviders>>;
beforeAll(async () => {
  // Twilio and SMTP configured (against local fakes); no Firebase credentials
  fake = await startFakeProviders();
});
afterAll(() => fake.stop());
afterEach(() => {
  clock.set(null);
  delete process.env.ANTHROPIC_API_KEY;
  delete process.env.METRICS_TOKEN;
  reloadConfig();
});

describe("the providers in GET /api/health/status", () => {
  it("a provider whose sends to two recipients failed with no success since is failing, and the status answers 503; a success clears it", async () => {
    const fine = await statusAt(T);
    expect(fine.status).toBe(200);
    expect(fine.body.providers.map((p: { id: string }) => p.id)).toEqual(["twilio_sms", "twilio_voice", "smtp", "fcm", "web_push", "model"]);
    expect(provider(fine.body, "twilio_sms")).toEqual({
      id: "twilio_sms",
      state: "configured",
      failures_since_success: 0,
      last_failure_at: null,
      last_success_at: null,
    });
    expect(provider(fine.body, "fcm")?.state).toBe("simulated");
    expect(provider(fine.body, "model")?.state).toBe("simulated");

    // one recipient's number failing twice (a retry pending) is that number's problem, not Twilio's
    const bad = await attempt("sms", "failed", ago(10));
    await attempt("sms", "pending", ago(8), bad);
    const one = await statusAt(T);
    expect(one.status).toBe(200);
    expect(provider(one.body, "twilio_sms")).toMatchObject({ state: "configured", failures_since_success: 2, last_failure_at: ago(8).toISOString() });

    // a second recipient fails: nothing has gone out on SMS since the first failure
    await attempt("sms", "failed", ago(5));
    const failing = await statusAt(T);
    expect(failing.status).toBe(503);
    expect(failing.body.status).toBe("failing");
    expect(provider(failing.body, "twilio_sms")).toMatchObject({ state: "failing", failures_since_success: 3 });
    expect(failing.body.problems).toEqual([
      "SMS through Twilio is failing: 3 sends to 2 recipients failed in the last 15 minutes and none went through since.",
    ]);
    // the other channels are not dragged along
    expect(provider(failing.body, "twilio_voice")?.state).toBe("configured");
    expect(provider(failing.body, "smtp")?.state).toBe("configured");

    // 15 minutes later those failures are out of the window
    expect((await statusAt(new Date(T.getTime() + 11 * 60_000))).status).toBe(200);

    // an SMS that went through after them: working again
    await attempt("sms", "sent", ago(2));
    const again = await statusAt(T);
    expect(again.status).toBe(200);
    expect(provider(again.body, "twilio_sms")).toMatchObject({ state: "configured", failures_since_success: 0, last_success_at: ago(2).toISOString() });
  });

  it("an email provider failing is failing on its own; without credentials a channel is simulated, whatever its records", async () => {
    const t = new Date(T.getTime() + 3 * 3_600_000);
    const before = (m: number) => new Date(t.getTime() - m * 60_000);
    await attempt("email", "sent", before(14), "a@example.com");
    await attempt("email", "failed", before(6), "b@example.com");
    await attempt("email", "failed", before(4), "c@example.com");
    await attempt("push", "failed", before(4));
    await attempt("push", "failed", before(3));
    const res = await statusAt(t);
    expect(res.status).toBe(503);
    expect(provider(res.body, "smtp")).toMatchObject({ state: "failing", failures_since_success: 2, last_success_at: before(14).toISOString() });
    // no FIREBASE_SERVICE_ACCOUNT: pushes are simulated, never failing
    expect(provider(res.body, "fcm")?.state).toBe("simulated");
    expect(res.body.problems).toEqual(["Email through SMTP is failing: 2 sends to 2 recipients failed in the last 15 minutes and none went through since."]);
  });

  it("the model falling back to the offline analyzer for two patients is a warning, not a failure (the offline floor answers)", async () => {
    process.env.ANTHROPIC_API_KEY = "sk-test-key";
    reloadConfig();
    const t = new Date(T.getTime() + 6 * 3_600_000);
    const owner = await makeCaregiver();
    for (const [i, provider] of ["anthropic:claude", "offline:fallback", "offline:fallback"].entries()) {
      const patient = await makePatient(owner);
      const at = new Date(t.getTime() - (10 - i) * 60_000);
      const c = await db.conversation.create({ data: { patientId: patient.id, conversationType: "spontaneous", turnCount: 1, startedAt: at } });
      await db.conversationTurn.create({
        data: { conversationId: c.id, patientId: patient.id, sequence: 1, patientMessage: "hello", aiResponse: "hello", provider, createdAt: at },
      });
    }
    const res = await statusAt(t);
    expect(res.status).toBe(200);
    expect(provider(res.body, "model")).toMatchObject({ state: "failing", failures_since_success: 2 });
    expect(res.body.warnings).toEqual([
      "The companion's model is failing: 2 replies fell back to the offline analyzer for 2 patients in the last 15 minutes, none answered by the model since.",
    ]);
  });

  it("with METRICS_TOKEN set, the providers are for token holders only", async () => {
    process.env.METRICS_TOKEN = "status-token-0123456789";
    reloadConfig();
    const anyone = await statusAt(T);
    expect(Object.keys(anyone.body).sort()).toEqual(["checked_at", "status"]);
    const holder = await statusAt(T, { "x-metrics-token": "status-token-0123456789" });
    expect(holder.body.providers).toHaveLength(6);
  });
});
