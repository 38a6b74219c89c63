import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import webpush from "web-push";
import { reloadConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, type TestCaregiver } from "@/lib/testing/factories";
import { startFakePushService, type FakeBrowser } from "@/lib/testing/fake-push-service";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { escalateAlerts } from "@/lib/alerts/escalate-alerts";
import { sendDailySummaries } from "@/lib/summaries/deliver-daily-summaries";
import { setWebPushAgent } from "./channels/web-push";
import { dispatchPending, sendDigests } from "./dispatch";
import * as subscriptions from "@/app/api/v1/auth/me/push-subscriptions/route";
import * as subscription from "@/app/api/v1/auth/me/push-subscriptions/[id]/route";
import * as testPush from "@/app/api/v1/auth/me/push-subscriptions/[id]/test/route";
import * as logout from "@/app/api/v1/auth/logout/route";
import * as changePassword from "@/app/api/v1/auth/change-password/route";
import * as login from "@/app/api/v1/auth/login/route";
import { TEST_PASSWORD } from "@/lib/testing/factories";

/**
 * Caregiver Web Push against a real HTTPS push service on 127.0.0.1 (self-signed certificate): the real
 * `web-push` client signs with VAPID and encrypts with aes128gcm; the fake checks both and decrypts what a
 * browser would show. Nothing on a lock screen names a condition, a medication or what the patient said.
 */
let push: Awaited<ReturnType<typeof startFakePushService>>;
const keys = webpush.generateVAPIDKeys();
const ENV = {
  VAPID_PUBLIC_KEY: keys.publicKey,
  VAPID_PRIVATE_KEY: keys.privateKey,
  VAPID_SUBJECT: "mailto:ops@elda.test",
  WEB_PUSH_ALLOWED_HOSTS: "127.0.0.1",
};

beforeAll(async () => {
  push = await startFakePushService();
  Object.assign(process.env, ENV);
  reloadConfig();
  setWebPushAgent(push.agent);
});

beforeEach(() => push.answerWith(() => 201));

afterAll(async () => {
  for (const k of Object.keys(ENV)) delete process.env[k];
  reloadConfig();
  setWebPushAgent(undefined);
  await push.close();
});

/** A caregiver who ticked push (only push, no quiet hours unless asked) and Betty, their patient. */
async function household(prefs: Record<string, unknown> = {}) {
  const sarah = await makeCaregiver({ firstName: "Sarah" });
  await db.caregiver.update({
    where: { id: sarah.id },
    data: { timezone: "America/Chicago", preferences: { notifications: { email: false, sms: false, push: true }, quiet_hours: { enabled: false }, ...prefs } },
  });
  const patient = await makePatient(sarah, { timezone: "America/Chicago" });
  return { sarah, patient };
}

async function subscribe(cg: TestCaregiver, b: FakeBrowser, userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140") {
  const r = await call(subscriptions.POST, {
    token: cg.token,
    body: { endpoint: b.endpoint, expirationTime: null, keys: b.keys },
    headers: { "user-agent": userAgent },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string };
}

const fall = (patientId: string, now: Date, severity: "critical" | "medium" = "critical", dedupKey = "fall") =>
  raiseAlert(
    db,
    {
      patientId,
      type: "health_concern",
      severity,
      dedupKey,
      title: "Fell in the bathroom, took extra warfarin",
      description: "Betty said her hip hurts and she is diabetic.",
      source: "test",
      evidence: { kind: "rule", at: now.toISOString() },
    },
    now,
  );

describe("caregiver Web Push", () => {
  it("an alert reaches the caregiver's browser VAPID-signed and encrypted, and its lock-screen text names no health detail", async () => {
    const { sarah, patient } = await household();
    const browser = push.browser();
    await subscribe(sarah, browser);
    const t = new Date("2031-03-02T09:00:00Z");
    const a = await fall(patient.id, t);
    await escalateAlerts(t, { alertId: a.alertId });
    const [got] = push.pushesTo(browser);
    expect(push.refused).toEqual([]);
    expect(got.headers["content-encoding"]).toBe("aes128gcm");
    expect(got.headers.urgency).toBe("high");
    expect(Number(got.headers.ttl)).toBeGreaterThan(0);
    expect(got.vapid).toMatchObject({ aud: `https://127.0.0.1:${new URL(browser.endpoint).port}`, sub: "mailto:ops@elda.test", k: keys.publicKey });
    expect(got.payload).toEqual({
      title: "Elda: an urgent alert about Betty",
      body: "Open Elda to see it.",
      url: `/alerts/${a.alertId}`,
      tag: expect.any(String),
    });
    expect(JSON.stringify(got.payload)).not.toMatch(/fell|bathroom|warfarin|hip|diabet|Johnson/i);
    const [attempt] = await db.notificationAttempt.findMany({ where: { alertId: a.alertId, caregiverId: sarah.id, channel: "web_push" } });
    expect(attempt).toMatchObject({ channel: "web_push", status: "sent", attemptCount: 1 });
    expect(attempt.providerId).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/m\/\d+$/);
    expect((await db.webPushSubscription.findFirstOrThrow({ where: { caregiverId: sarah.id } })).lastUsedAt).not.toBeNull();
  });

  it("reaches every browser the caregiver turned on; a caregiver who ticked push without a browser gets a skipped attempt", async () => {
    const { sarah, patient } = await household();
    const [laptop, phone] = [push.browser(), push.browser()];
    await subscribe(sarah, laptop);
    await subscribe(sarah, phone, "Mozilla/5.0 (Android 15) Chrome/140 Mobile");
    const tom = await makeCaregiver({ organizationId: sarah.organizationId, firstName: "Tom" });
    await db.caregiver.update({
      where: { id: tom.id },
      data: { preferences: { notifications: { email: false, sms: false, push: true }, quiet_hours: { enabled: false } } },
    });
    await db.careTeamMember.create({ data: { patientId: patient.id, caregiverId: tom.id, standing: "secondary", contactOrder: 1 } });
    const t = new Date("2031-03-02T10:00:00Z");
    const a = await fall(patient.id, t);
    await escalateAlerts(t, { alertId: a.alertId });
    expect(push.pushesTo(laptop)).toHaveLength(1);
    expect(push.pushesTo(phone)).toHaveLength(1);
    const tomAttempts = await db.notificationAttempt.findMany({ where: { alertId: a.alertId, caregiverId: tom.id, channel: { not: "voice" } } });
    expect(tomAttempts.map((x) => [x.channel, x.status, x.error])).toEqual([["web_push", "skipped", "No browser has turned on Elda notifications."]]);
  });

  it("follows the routing rules: a threshold above the alert's severity and quiet hours hold a medium alert back; a critical one comes through at 03:00", async () => {
    const { sarah, patient } = await household({ alert_threshold: "high", quiet_hours: { enabled: true, start: "22:00", end: "07:00" } });
    const browser = push.browser();
    await subscribe(sarah, browser);
    const night = new Date("2031-03-10T08:00:00Z"); // 03:00 in Chicago
    const medium = await fall(patient.id, night, "medium", "m");
    await escalateAlerts(night, { alertId: medium.alertId });
    expect(push.pushesTo(browser)).toHaveLength(0);
    expect(await db.notificationAttempt.count({ where: { alertId: medium.alertId } })).toBe(0);
    const critical = await fall(patient.id, night, "critical", "c");
    await escalateAlerts(night, { alertId: critical.alertId });
    expect(push.pushesTo(browser).map((p) => (p.payload as { url: string }).url)).toEqual([`/alerts/${critical.alertId}`]);
  });

  it("a daily summary during quiet hours waits for them to end, then says only that it is ready", async () => {
    const { sarah, patient } = await household({ quiet_hours: { enabled: true, start: "22:00", end: "07:00" } });
    const browser = push.browser();
    await subscribe(sarah, browser);
    await sendDailySummaries(sarah.id, new Date("2031-03-03T05:00:00Z")); // 23:00 in Chicago
    await dispatchPending(new Date("2031-03-03T05:00:00Z"), { caregiverId: sarah.id });
    expect(push.pushesTo(browser)).toHaveLength(0);
    const [row] = await db.notificationAttempt.findMany({ where: { caregiverId: sarah.id, purpose: "daily_summary" } });
    expect(row).toMatchObject({ channel: "web_push", status: "pending", recipient: expect.any(String) });
    expect(row.nextAttemptAt?.toISOString()).toBe("2031-03-03T13:00:00.000Z"); // 07:00 in Chicago
    await dispatchPending(new Date("2031-03-03T13:00:00Z"), { caregiverId: sarah.id });
    expect(push.pushesTo(browser).map((p) => p.payload)).toEqual([
      { title: "Betty's daily summary is ready", body: "Open Elda to read it.", url: `/patients/${patient.id}`, tag: row.id },
    ]);
    expect((await db.notificationAttempt.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("sent");
  });

  it("alerts over the hourly cap arrive as one digest notification that names the patient, not the alerts", async () => {
    const { sarah, patient } = await household();
    const browser = push.browser();
    await subscribe(sarah, browser);
    const t = new Date("2031-03-04T16:00:00Z");
    for (const k of ["a", "b", "c", "d", "e"]) await escalateAlerts(t, { alertId: (await fall(patient.id, t, "medium", k)).alertId });
    expect(push.pushesTo(browser)).toHaveLength(3);
    expect(await db.notificationAttempt.count({ where: { caregiverId: sarah.id, status: "held", channel: "web_push" } })).toBe(2);
    await sendDigests(new Date("2031-03-04T17:00:00Z"), { caregiverId: sarah.id });
    const digest = push.pushesTo(browser).at(-1)!;
    expect(digest.payload).toMatchObject({ title: "Elda: 2 alerts about Betty waited for you", url: "/alerts" });
    expect(JSON.stringify(digest.payload)).not.toMatch(/fell|warfarin/i);
    expect(await db.notificationAttempt.count({ where: { caregiverId: sarah.id, channel: "web_push", status: "sent" } })).toBe(5);
  });

  it("a Spanish-speaking caregiver's browser shows the alert, the summary, the digest and a test in Spanish", async () => {
    const { sarah, patient } = await household();
    await db.caregiver.update({ where: { id: sarah.id }, data: { language: "es" } });
    const browser = push.browser();
    const { id } = await subscribe(sarah, browser);
    const t = new Date("2031-03-05T16:00:00Z");
    for (const k of ["a", "b", "c", "d"]) await escalateAlerts(t, { alertId: (await fall(patient.id, t, k === "a" ? "critical" : "medium", k)).alertId });
    await sendDigests(new Date("2031-03-05T17:00:00Z"), { caregiverId: sarah.id });
    await sendDailySummaries(sarah.id, new Date("2031-03-06T02:00:00Z"));
    await dispatchPending(new Date("2031-03-06T02:00:00Z"), { caregiverId: sarah.id });
    await call(testPush.POST, { token: sarah.token, params: { id } });
    const titles = push.pushesTo(browser).map((p) => [(p.payload as { title: string }).title, (p.payload as { body: string }).body]);
    expect(titles).toEqual([
      ["Elda: una alerta urgente sobre Betty", "Abra Elda para verla."],
      ["Elda: una alerta sobre Betty", "Abra Elda para verla."],
      ["Elda: una alerta sobre Betty", "Abra Elda para verla."],
      ["Elda: 1 alerta sobre Betty le esperaba", "Se retuvieron para no enviarle demasiados mensajes. Abra Elda para verlas."],
      ["El resumen diario de Betty está listo", "Abra Elda para leerlo."],
      ["Elda: notificación de prueba", "Las notificaciones están activadas en este navegador. Las alertas se verán así, sin datos de salud."],
    ]);
  });

  it("a subscription the push service says is gone (410, 404) is deleted, and its attempt is failed with the reason, not retried", async () => {
    const { sarah, patient } = await household();
    const [gone, missing] = [push.browser(), push.browser()];
    const s1 = await subscribe(sarah, gone);
    const s2 = await subscribe(sarah, missing);
    push.answerWith((p) => (p === new URL(gone.endpoint).pathname ? 410 : p === new URL(missing.endpoint).pathname ? 404 : 201));
    {
      const t = new Date("2031-03-05T15:00:00Z");
      const a = await fall(patient.id, t);
      await escalateAlerts(t, { alertId: a.alertId });
      const rows = await db.notificationAttempt.findMany({ where: { alertId: a.alertId, channel: "web_push" } });
      expect(rows.map((r) => r.status)).toEqual(["failed", "failed"]);
      expect(rows.map((r) => r.error).sort()).toEqual([
        "The browser's push service no longer knows this subscription (404); it was removed.",
        "The browser's push service no longer knows this subscription (410); it was removed.",
      ]);
      expect(rows.every((r) => r.nextAttemptAt === null)).toBe(true);
      expect(await db.webPushSubscription.count({ where: { id: { in: [s1.id, s2.id] } } })).toBe(0);
    }
  });

  it("a push service that is down is tried again with a backoff, and the alert's push arrives when it is back", async () => {
    const { sarah, patient } = await household();
    const browser = push.browser();
    await subscribe(sarah, browser);
    push.answerWith(() => 503);
    const t = new Date("2031-03-06T15:00:00Z");
    const a = await fall(patient.id, t);
    await escalateAlerts(t, { alertId: a.alertId });
    const row = () => db.notificationAttempt.findFirstOrThrow({ where: { alertId: a.alertId, channel: "web_push" } });
    expect(await row()).toMatchObject({ status: "pending", attemptCount: 1, error: expect.stringContaining("503") });
    expect((await row()).nextAttemptAt?.toISOString()).toBe("2031-03-06T15:01:00.000Z");
    push.answerWith(() => 201);
    await dispatchPending(new Date("2031-03-06T15:00:30Z"), { caregiverId: sarah.id }); // not yet
    expect(push.pushesTo(browser)).toHaveLength(0);
    await dispatchPending(new Date("2031-03-06T15:01:00Z"), { caregiverId: sarah.id });
    expect(push.pushesTo(browser)).toHaveLength(1);
    expect(await row()).toMatchObject({ status: "sent", attemptCount: 2, error: null });
  });

  it("without VAPID keys (a deployment that has none) pushes are recorded as simulated and nothing is sent", async () => {
    const { sarah, patient } = await household();
    const browser = push.browser();
    await subscribe(sarah, browser);
    delete process.env.VAPID_PUBLIC_KEY;
    delete process.env.VAPID_PRIVATE_KEY;
    reloadConfig();
    try {
      expect((await call(subscriptions.GET, { token: sarah.token })).body.vapid_public_key).toBeNull();
      const t = new Date("2031-03-07T15:00:00Z");
      const a = await fall(patient.id, t);
      await escalateAlerts(t, { alertId: a.alertId });
      expect(push.pushesTo(browser)).toHaveLength(0);
      expect((await db.notificationAttempt.findFirstOrThrow({ where: { alertId: a.alertId, channel: "web_push" } })).status).toBe("simulated");
    } finally {
      Object.assign(process.env, ENV);
      reloadConfig();
    }
  });
});

describe("push subscriptions API", () => {
  it("lists the caregiver's browsers with the VAPID key; a test notification is recorded and arrives", async () => {
    const { sarah } = await household();
    const browser = push.browser();
    const s = await subscribe(sarah, browser);
    const list = await call(subscriptions.GET, { token: sarah.token });
    expect(list.body).toEqual({
      vapid_public_key: keys.publicKey,
      items: [
        { id: s.id, endpoint: browser.endpoint, user_agent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140", created_at: expect.any(String), last_used_at: null },
      ],
    });
    const sent = await call(testPush.POST, { token: sarah.token, params: { id: s.id } });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: "sent", error: null });
    expect(push.pushesTo(browser).map((p) => p.payload)).toEqual([
      expect.objectContaining({ title: "Elda: test notification", url: "/settings/notifications" }),
    ]);
    expect(await db.notificationAttempt.findUniqueOrThrow({ where: { id: sent.body.attempt_id } })).toMatchObject({
      purpose: "test",
      channel: "web_push",
      caregiverId: sarah.id,
      patientId: null,
    });
  });

  it("one subscription per browser: subscribing again renews it, and another caregiver on the same browser takes it over", async () => {
    const { sarah } = await household();
    const tom = await makeCaregiver({ firstName: "Tom" });
    const browser = push.browser();
    const first = await subscribe(sarah, browser);
    const again = await subscribe(sarah, browser);
    expect(again.id).toBe(first.id);
    const taken = await subscribe(tom, browser);
    expect(taken.id).toBe(first.id);
    expect(await db.webPushSubscription.findMany({ where: { endpoint: browser.endpoint }, select: { caregiverId: true } })).toEqual([{ caregiverId: tom.id }]);
    expect((await call(subscriptions.GET, { token: sarah.token })).body.items).toEqual([]);
  });

  it("refuses what is not a browser push subscription, changing nothing", async () => {
    const { sarah } = await household();
    const b = push.browser();
    const bad: unknown[] = [
      {},
      { endpoint: b.endpoint },
      { endpoint: b.endpoint.replace("https:", "http:"), keys: b.keys },
      { endpoint: "https://169.254.169.254/latest/meta-data", keys: b.keys },
      { endpoint: "https://user:pw@127.0.0.1/x", keys: b.keys },
      { endpoint: `${b.endpoint}\u0000`, keys: b.keys },
      { endpoint: b.endpoint, keys: { p256dh: "short", auth: b.keys.auth } },
      { endpoint: b.endpoint, keys: { p256dh: b.keys.p256dh, auth: `${b.keys.auth}\u0000` } },
      { endpoint: b.endpoint, keys: { ...b.keys, extra: "x" } },
      { endpoint: b.endpoint, keys: b.keys, owner: "someone-else" },
      { endpoint: 42, keys: b.keys },
      { endpoint: `https://127.0.0.1/${"a".repeat(2100)}`, keys: b.keys },
    ];
    for (const body of bad) {
      const r = await call(subscriptions.POST, { token: sarah.token, body });
      // a NUL character is refused before the schema (400, lib/api/hostile-input.ts); the rest by the schema (422)
      expect(r.status, JSON.stringify(body).slice(0, 120)).toBe(JSON.stringify(body).includes("\\u0000") ? 400 : 422);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
    }
    expect(await db.webPushSubscription.count({ where: { caregiverId: sarah.id } })).toBe(0);
    expect((await call(subscriptions.POST, { body: { endpoint: b.endpoint, keys: b.keys } })).status).toBe(401);
  });

  it("another caregiver's subscription is 404 to delete or test; unknown and malformed ids too", async () => {
    const { sarah } = await household();
    const stranger = await makeCaregiver();
    const s = await subscribe(sarah, push.browser());
    expect((await call(subscription.DELETE, { method: "DELETE", token: stranger.token, params: { id: s.id } })).status).toBe(404);
    expect((await call(testPush.POST, { token: stranger.token, params: { id: s.id } })).status).toBe(404);
    expect((await call(subscription.DELETE, { method: "DELETE", token: sarah.token, params: { id: crypto.randomUUID() } })).status).toBe(404);
    expect((await call(subscription.DELETE, { method: "DELETE", token: sarah.token, params: { id: "not-a-uuid" } })).status).toBe(422);
    expect(await db.webPushSubscription.count({ where: { id: s.id } })).toBe(1);
    expect(await db.notificationAttempt.count({ where: { recipient: s.id } })).toBe(0);
    const off = await call(subscription.DELETE, { method: "DELETE", token: sarah.token, params: { id: s.id } });
    expect(off).toMatchObject({ status: 200, body: { removed: true } });
    expect(await db.webPushSubscription.count({ where: { id: s.id } })).toBe(0);
  });

  it("test notifications are limited to five a minute", async () => {
    const { sarah } = await household();
    const s = await subscribe(sarah, push.browser());
    for (let i = 0; i < 5; i++) expect((await call(testPush.POST, { token: sarah.token, params: { id: s.id } })).status).toBe(200);
    const sixth = await call(testPush.POST, { token: sarah.token, params: { id: s.id } });
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("retry-after")).toBeTruthy();
  });

  it("kept when a session ends on its own (alerts still arrive); removed by sign-out everywhere, a password change and a disabled account", async () => {
    const { sarah, patient } = await household();
    const browser = push.browser();
    const s = await subscribe(sarah, browser);
    const mine = () => db.webPushSubscription.count({ where: { caregiverId: sarah.id } });
    // idle logoff / expiry: the session is over, the browser still gets the alert
    await db.session.update({ where: { id: sarah.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const t = new Date("2031-03-08T15:00:00Z");
    await escalateAlerts(t, { alertId: (await fall(patient.id, t)).alertId });
    expect(await mine()).toBe(1);
    expect(push.pushesTo(browser)).toHaveLength(1);

    const signIn = async () =>
      (
        await call(login.POST, {
          body: { email: sarah.email, password: TEST_PASSWORD },
          headers: { "x-forwarded-for": `10.77.${Math.floor(Math.random() * 250)}.1` },
        })
      ).body.access_token as string;
    // a plain sign-out keeps it; "sign out everywhere" removes it
    let token = await signIn();
    await call(logout.POST, { token, body: {} });
    expect(await mine()).toBe(1);
    token = await signIn();
    await call(logout.POST, { token, body: { all_sessions: true } });
    expect(await mine()).toBe(0);
    expect(await db.webPushSubscription.count({ where: { id: s.id } })).toBe(0);

    token = await signIn();
    await subscribe({ ...sarah, token }, browser);
    const changed = await call(changePassword.POST, { token, body: { current_password: TEST_PASSWORD, new_password: "a-Brand-new-secret-9" } });
    expect(changed.status).toBe(200);
    expect(await mine()).toBe(0);

    await subscribe({ ...sarah, token }, browser);
    await db.caregiver.update({ where: { id: sarah.id }, data: { isActive: false } });
    expect(await mine()).toBe(0);
  });
});
