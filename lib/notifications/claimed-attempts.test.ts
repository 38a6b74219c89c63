import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BatchResponse, Message } from "firebase-admin/messaging";
import { SMTPServer } from "smtp-server";
import webpush from "web-push";
import { reloadConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, makeReminder, pairDevice } from "@/lib/testing/factories";
import { startFakePushService } from "@/lib/testing/fake-push-service";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { escalateAlerts } from "@/lib/alerts/escalate-alerts";
import { registerPushToken } from "@/lib/devices/devices";
import { resetTwilioClient } from "./channels/twilio";
import { resetEmailTransport } from "./channels/email";
import { setPushTransport } from "./channels/push";
import { setWebPushAgent } from "./channels/web-push";
import { dispatchPending, sendDigests } from "./dispatch";
import { pushToPatients, sendPendingPushes } from "./push-to-patient";
import { claimAttempts, claimHeld, LEASE_MS, MAX_ATTEMPTS, releaseClaims } from "./claim-attempts";

/**
 * SPEC §7: "A claimed attempt that fails to send is retried or marked failed with its error, never left as
 * sent." For every claim-then-send path (SMS, call, email, web push, patient push, the digest), against
 * the real clients and local fakes of each provider that can be switched to "down" (a retryable error) or
 * "refuse" (a permanent one): a try that did not go out is pending again with its count and the next try's
 * time (1, 5, 15 minutes), the last one is failed with the provider's error, and a sender that dies after
 * claiming (its lease runs out) is replaced.
 */
type Mode = "ok" | "down" | "refuse";
let mode: Mode = "ok";
let twilio: http.Server;
let smtp: SMTPServer;
let push: Awaited<ReturnType<typeof startFakePushService>>;
const fcmSent: Message[] = [];
const vapid = webpush.generateVAPIDKeys();
const ENV_KEYS = [
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_FROM_NUMBER",
  "TWILIO_API_BASE_URL",
  "SMTP_URL",
  "VAPID_PUBLIC_KEY",
  "VAPID_PRIVATE_KEY",
  "WEB_PUSH_ALLOWED_HOSTS",
];
const MIN = 60_000;

beforeAll(async () => {
  let sid = 0;
  twilio = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (mode === "down")
        return res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ code: 20503, message: "Service unavailable", status: 503 }));
      if (mode === "refuse")
        return res
          .writeHead(400, { "content-type": "application/json" })
          .end(JSON.stringify({ code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 }));
      res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ sid: `SM${String(++sid).padStart(32, "0")}`, status: "queued" }));
    });
  });
  await new Promise<void>((r) => twilio.listen(0, "127.0.0.1", r));
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onRcptTo(_address, _session, cb) {
      if (mode === "down") return cb(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
      if (mode === "refuse") return cb(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      cb();
    },
    onData(stream, _session, cb) {
      stream.resume();
      stream.on("end", () => cb());
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  push = await startFakePushService();
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
    TWILIO_AUTH_TOKEN: "twilio-test-auth-token",
    TWILIO_FROM_NUMBER: "+15550009999",
    TWILIO_API_BASE_URL: `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`,
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    WEB_PUSH_ALLOWED_HOSTS: "127.0.0.1",
  });
  reloadConfig();
  resetTwilioClient();
  resetEmailTransport();
  setWebPushAgent(push.agent);
  push.answerWith(() => (mode === "down" ? 503 : mode === "refuse" ? 400 : 201));
  setPushTransport({
    async sendEach(messages: Message[]): Promise<BatchResponse> {
      const responses = messages.map((m, i) => {
        if (mode === "ok") {
          fcmSent.push(m);
          return { success: true as const, messageId: `projects/elda/messages/${i}` };
        }
        const code = mode === "down" ? "messaging/internal-error" : "messaging/invalid-argument";
        return {
          success: false as const,
          error: { code, message: mode === "down" ? "Internal error encountered." : "The registration token is not a valid FCM registration token" } as never,
        };
      });
      return { responses, successCount: 0, failureCount: 0 };
    },
  });
});

afterAll(async () => {
  for (const k of ENV_KEYS) delete process.env[k];
  reloadConfig();
  resetTwilioClient();
  resetEmailTransport();
  setWebPushAgent(undefined);
  setPushTransport(undefined);
  await new Promise((r) => twilio.close(r));
  await new Promise((r) => smtp.close(() => r(undefined)));
  await push.close();
});

beforeEach(() => {
  mode = "ok";
});

/**
 * One way a message leaves Elda: `arrange` makes one attempt on it and gives it its first try at `t`;
 * `run` is that sender's next run, limited to this test's rows (other test files share the database).
 */
interface Arranged {
  id: string;
  run(now: Date): Promise<unknown>;
}
interface Path {
  name: string;
  arrange(t: Date): Promise<Arranged>;
  /** held for a digest: a retry goes back to `held` */
  digest?: boolean;
}

const onlyChannel = (ch: "sms" | "email" | "push" | null) => ({
  notifications: { sms: ch === "sms", email: ch === "email", push: ch === "push" },
  quiet_hours: { enabled: false },
  alert_threshold: "low",
});

async function caregiverWith(prefs: object) {
  const cg = await makeCaregiver({ firstName: "Sarah" });
  await db.caregiver.update({ where: { id: cg.id }, data: { phoneNumber: "+15550002099", timezone: "America/Chicago", preferences: prefs } });
  return cg;
}

const alert = (patientId: string, t: Date, severity: "medium" | "critical", dedupKey = "x") =>
  raiseAlert(
    db,
    {
      patientId,
      type: "health_concern",
      severity,
      dedupKey,
      title: "Concern",
      description: "d",
      source: "test",
      evidence: { kind: "rule", at: t.toISOString() },
    },
    t,
  );

/** The escalation records the alert's attempts and sends them at once: that is the first try. */
async function alertAttempt(
  prefs: object,
  channel: "sms" | "voice" | "email" | "web_push",
  severity: "medium" | "critical",
  t: Date,
  browser = false,
): Promise<Arranged> {
  const cg = await caregiverWith(prefs);
  if (browser) {
    const b = push.browser();
    await db.webPushSubscription.create({ data: { caregiverId: cg.id, endpoint: b.endpoint, p256dh: b.keys.p256dh, auth: b.keys.auth } });
  }
  const patient = await makePatient(cg);
  const a = await alert(patient.id, t, severity);
  await escalateAlerts(t, { alertId: a.alertId });
  const id = (await db.notificationAttempt.findFirstOrThrow({ where: { alertId: a.alertId, channel } })).id;
  return { id, run: (now) => dispatchPending(now, { alertId: a.alertId }) };
}

const paths: Path[] = [
  { name: "SMS (Twilio)", arrange: (t) => alertAttempt(onlyChannel("sms"), "sms", "medium", t) },
  { name: "voice call (Twilio)", arrange: (t) => alertAttempt(onlyChannel(null), "voice", "critical", t) },
  { name: "email (SMTP)", arrange: (t) => alertAttempt(onlyChannel("email"), "email", "medium", t) },
  { name: "caregiver web push", arrange: (t) => alertAttempt(onlyChannel("push"), "web_push", "medium", t, true) },
  {
    name: "patient push (FCM)",
    async arrange(t) {
      const cg = await makeCaregiver();
      const patient = await makePatient(cg, { timezone: "America/Chicago" });
      const device = await pairDevice(patient.id);
      await registerPushToken(
        { kind: "device", deviceId: device.deviceId, patientId: patient.id },
        { patient_id: patient.id, device_token: `phone-${patient.id}`, platform: "android" },
        t,
      );
      const reminder = await makeReminder(patient.id, { dueAt: t });
      // recorded as the delivery sweep records it (the message rendered then), then the first try
      const push = { title: "Aspirin", body: "Hi! It's time for Aspirin.", data: { type: "reminder", reminder_id: reminder.id } };
      await pushToPatients(db, [{ patientId: patient.id, purpose: "reminder", key: `reminder:${reminder.id}:push:1`, reminderId: reminder.id, ...push }], t);
      const run = (now: Date) => sendPendingPushes(now, { patientId: patient.id });
      await run(t);
      return { id: (await db.notificationAttempt.findFirstOrThrow({ where: { patientId: patient.id, channel: "push" } })).id, run };
    },
  },
  {
    name: "digest (SMS)",
    digest: true,
    async arrange(t) {
      const cg = await caregiverWith(onlyChannel("sms"));
      const patient = await makePatient(cg);
      const saved = mode;
      mode = "ok";
      for (const k of ["a", "b", "c"]) await escalateAlerts(t, { alertId: (await alert(patient.id, t, "medium", k)).alertId });
      const held = await alert(patient.id, t, "medium", "d"); // over the cap of 3 an hour: held for the digest
      await escalateAlerts(t, { alertId: held.alertId });
      mode = saved;
      const run = (now: Date) => sendDigests(now, { caregiverId: cg.id });
      await run(new Date(t.getTime() + 60 * MIN)); // the first try
      return { id: (await db.notificationAttempt.findFirstOrThrow({ where: { alertId: held.alertId, channel: "sms" } })).id, run };
    },
  },
];

const attempt = (id: string) => db.notificationAttempt.findUniqueOrThrow({ where: { id } });

describe("a claimed attempt that did not go out never reads sent", () => {
  let day = 10;
  for (const p of paths) {
    it(`${p.name}: a provider that is down means pending again with a count and a backoff, then failed with its error after ${MAX_ATTEMPTS} tries`, async () => {
      const t = new Date(`2031-04-${day++}T15:00:00Z`);
      const first = p.digest ? new Date(t.getTime() + 60 * MIN) : t;
      mode = "down";
      const { id, run } = await p.arrange(t);
      const waiting = p.digest ? "held" : "pending";
      const nextOf = (a: Awaited<ReturnType<typeof attempt>>) => (p.digest ? a.heldUntil : a.nextAttemptAt);
      let a = await attempt(id);
      expect(a).toMatchObject({ status: waiting, attemptCount: 1, sentAt: null, providerId: null });
      expect(a.error).toMatch(/503|unavailable|busy|internal error/i);
      expect(nextOf(a)?.toISOString()).toBe(new Date(first.getTime() + MIN).toISOString());
      // not before its time
      await run(new Date(first.getTime() + 30_000));
      expect((await attempt(id)).attemptCount).toBe(1);
      // tries 2, 3 and 4 at +1, +6 and +21 minutes
      for (const [n, at, next] of [
        [2, 1, 6],
        [3, 6, 21],
      ] as const) {
        await run(new Date(first.getTime() + at * MIN));
        a = await attempt(id);
        expect(a).toMatchObject({ status: waiting, attemptCount: n });
        expect(nextOf(a)?.toISOString()).toBe(new Date(first.getTime() + next * MIN).toISOString());
      }
      await run(new Date(first.getTime() + 21 * MIN));
      a = await attempt(id);
      expect(a).toMatchObject({ status: "failed", attemptCount: MAX_ATTEMPTS, nextAttemptAt: null, providerId: null, leaseExpiresAt: null });
      expect(a.error).toMatch(/503|unavailable|busy|internal error/i);
    });

    it(`${p.name}: a refusal is failed at once with the provider's reason; a recovery is sent`, async () => {
      const t = new Date(`2031-04-${day++}T15:00:00Z`);
      const first = p.digest ? new Date(t.getTime() + 60 * MIN) : t;
      mode = "refuse";
      const refused = await attempt((await p.arrange(t)).id);
      expect(refused).toMatchObject({ status: "failed", attemptCount: 1, nextAttemptAt: null, sentAt: null });
      expect(refused.error).toBeTruthy();
      mode = "down";
      const { id, run } = await p.arrange(new Date(t.getTime() + 2 * 3600_000));
      mode = "ok";
      await run(new Date(first.getTime() + 2 * 3600_000 + MIN));
      const a = await attempt(id);
      expect(a).toMatchObject({ status: "sent", attemptCount: 2, error: null });
      expect(a.providerId).toBeTruthy();
    });

    it(`${p.name}: a sender that dies after claiming leaves it sending, not sent; after the lease it is sent by the next run`, async () => {
      const t = new Date(`2031-04-${day++}T15:00:00Z`);
      const first = p.digest ? new Date(t.getTime() + 60 * MIN) : t;
      mode = "down";
      const { id, run } = await p.arrange(t);
      mode = "ok";
      // a sender claims it at +1 minute and is killed before it sends
      const crash = new Date(first.getTime() + MIN);
      const claimed = p.digest
        ? await claimHeld([id], crash)
        : (await claimAttempts(crash, { channels: [(await attempt(id)).channel], attemptIds: [id] })).map((c) => c.id);
      expect(claimed).toContain(id);
      expect(await attempt(id)).toMatchObject({ status: "sending", attemptCount: 2, sentAt: null });
      expect((await attempt(id)).leaseExpiresAt?.toISOString()).toBe(new Date(crash.getTime() + LEASE_MS).toISOString());
      // other runs leave it alone while the lease holds
      await run(new Date(crash.getTime() + LEASE_MS - 1000));
      expect((await attempt(id)).status).toBe("sending");
      await run(new Date(crash.getTime() + LEASE_MS));
      const a = await attempt(id);
      expect(a).toMatchObject({ status: "sent", attemptCount: 3, leaseExpiresAt: null });
      expect(a.providerId).toBeTruthy();
    });
  }

  it("a claim that runs out on the last try is failed, saying the sender stopped", async () => {
    const t = new Date("2031-05-01T15:00:00Z");
    mode = "down";
    const { id, run } = await paths[0].arrange(t);
    await db.notificationAttempt.update({ where: { id }, data: { attemptCount: MAX_ATTEMPTS - 1, nextAttemptAt: t } });
    await claimAttempts(t, { channels: ["sms"], attemptIds: [id] });
    expect(await attempt(id)).toMatchObject({ status: "sending", attemptCount: MAX_ATTEMPTS });
    await run(new Date(t.getTime() + LEASE_MS));
    expect(await attempt(id)).toMatchObject({ status: "failed", error: "The sender stopped before it could confirm the send, on the last try." });
  });

  it("rows a sender hands back untried (it ran short of its claim) are due again at once, the try not counted", async () => {
    const t = new Date("2031-05-04T15:00:00Z");
    mode = "down";
    const { id, run } = await paths[0].arrange(t);
    const [claimed] = await claimAttempts(new Date(t.getTime() + MIN), { channels: ["sms"], attemptIds: [id] });
    expect(claimed.attempt_count).toBe(2);
    await releaseClaims([{ id, attemptCount: claimed.attempt_count }], new Date(t.getTime() + MIN));
    expect(await attempt(id)).toMatchObject({ status: "pending", attemptCount: 1, leaseExpiresAt: null });
    mode = "ok";
    await run(new Date(t.getTime() + MIN));
    expect(await attempt(id)).toMatchObject({ status: "sent", attemptCount: 2 });
  });

  it("a retry about an alert someone has acknowledged meanwhile is skipped, not sent", async () => {
    const t = new Date("2031-05-02T15:00:00Z");
    mode = "down";
    const { id, run } = await paths[0].arrange(t);
    const { alertId } = await attempt(id);
    await db.alert.update({ where: { id: alertId! }, data: { status: "acknowledged" } });
    mode = "ok";
    await run(new Date(t.getTime() + MIN));
    expect(await attempt(id)).toMatchObject({ status: "skipped", error: "The alert was acknowledged before this message went out.", providerId: null });
  });

  it("a patient push whose reminder was answered before its retry is skipped, not pushed", async () => {
    const t = new Date("2031-05-03T15:00:00Z");
    mode = "down";
    const { id, run } = await paths[4].arrange(t);
    const { reminderId } = await attempt(id);
    await db.reminder.update({ where: { id: reminderId! }, data: { status: "completed" } });
    mode = "ok";
    const before = fcmSent.length;
    await run(new Date(t.getTime() + MIN));
    expect(fcmSent.length).toBe(before);
    expect(await attempt(id)).toMatchObject({ status: "skipped", error: "The reminder was completed before this push went out." });
  });
});
