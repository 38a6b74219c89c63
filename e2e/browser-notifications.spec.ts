import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations, signInDirectly, snap, sql } from "./fixtures";
import { e2ePushTls } from "./push-tls";
import { startFakePushService, type FakeBrowser } from "../lib/testing/fake-push-service";

/**
 * Browser notifications from the settings page. Headless Chromium cannot reach a real push service, so the
 * page's PushManager and service worker registration are stubbed (the subscription they hand out is a real
 * P-256 key pair and auth secret made here); everything after that is real: the page posts the subscription
 * to the API, the server signs and encrypts a test notification with its VAPID keys and sends it with
 * `web-push` to a push service on 127.0.0.1 over HTTPS, which decrypts it.
 */
let push: Awaited<ReturnType<typeof startFakePushService>>;

test.beforeAll(async () => {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const files = e2ePushTls(port);
  push = await startFakePushService({ key: readFileSync(files.key), cert: readFileSync(files.cert) });
});
test.afterAll(async () => push?.close());

/** The browser side of Web Push, stubbed before any page script runs; a subscription survives a reload like a real one. */
async function stubPush(page: Page, browser: FakeBrowser, permission: "default" | "denied" = "default") {
  await page.addInitScript(
    ({ endpoint, keys, permission }) => {
      const w = window as unknown as Record<string, unknown>;
      const store = window.localStorage;
      w.__pushCalls = [];
      const subscription = (key: ArrayBuffer | null) => ({
        endpoint,
        options: { userVisibleOnly: true, applicationServerKey: key },
        toJSON: () => ({ endpoint, expirationTime: null, keys }),
        unsubscribe: async () => {
          store.removeItem("stub-push-key");
          return true;
        },
      });
      const current = () => {
        const k = store.getItem("stub-push-key");
        return k === null ? null : subscription(new Uint8Array(JSON.parse(k)).buffer);
      };
      const pushManager = {
        getSubscription: async () => current(),
        subscribe: async (opts: { userVisibleOnly: boolean; applicationServerKey: Uint8Array }) => {
          (w.__pushCalls as unknown[]).push({ userVisibleOnly: opts.userVisibleOnly, key: Array.from(opts.applicationServerKey) });
          store.setItem("stub-push-key", JSON.stringify(Array.from(opts.applicationServerKey)));
          return current();
        },
      };
      const registration = { scope: `${location.origin}/`, pushManager };
      Object.defineProperty(navigator, "serviceWorker", {
        configurable: true,
        value: {
          register: async (url: string) => {
            store.setItem("stub-sw", url);
            return registration;
          },
          ready: Promise.resolve(registration),
          getRegistration: async () => (store.getItem("stub-sw") ? registration : undefined),
        },
      });
      class StubNotification {
        static permission = store.getItem("stub-permission") ?? permission;
        static async requestPermission() {
          StubNotification.permission = "granted";
          store.setItem("stub-permission", "granted");
          return "granted";
        }
      }
      w.Notification = StubNotification;
      w.PushManager = function PushManager() {};
    },
    { endpoint: browser.endpoint, keys: browser.keys, permission },
  );
}

const base64url = (bytes: number[]) => Buffer.from(bytes).toString("base64url");

test("notifications on this browser: turned on, saved, a test notification arrives encrypted, turned off", async ({ page }) => {
  const me = await signInDirectly(page, { firstName: "Nora" });
  const browser = push.browser();
  await stubPush(page, browser);
  await page.goto("/settings/notifications");
  const section = page.getByRole("region", { name: "Notifications on this browser" });
  await expect(section.getByText("Off for this browser.", { exact: true })).toBeVisible();
  await expect(section.getByText(/needs JavaScript/)).toHaveCount(0);
  await expectNoA11yViolations(page);

  await section.getByRole("button", { name: "Turn on notifications on this browser" }).click();
  await expect(section.getByText("Notifications are on for this browser.")).toBeVisible();
  await expect(section.getByText("On for this browser.", { exact: true })).toBeVisible();
  // push is not ticked in the form yet: the page says so
  await expect(section.getByText(/Tick .Push notification. above and save/)).toBeVisible();
  // the service worker was registered, and the browser subscribed with the server's VAPID key
  expect(await page.evaluate(() => localStorage.getItem("stub-sw"))).toBe("/sw.js");
  const calls = (await page.evaluate(() => (window as unknown as { __pushCalls: { userVisibleOnly: boolean; key: number[] }[] }).__pushCalls)) ?? [];
  const vapid = (await (await page.request.get("/api/v1/auth/me/push-subscriptions")).json()).vapid_public_key as string;
  expect(calls).toEqual([{ userVisibleOnly: true, key: Array.from(Buffer.from(vapid, "base64url")) }]);
  expect(base64url(calls[0].key)).toBe(vapid);
  const saved = await sql<{ id: string; endpoint: string; p256dh: string; user_agent: string }>(
    "SELECT id, endpoint, p256dh, user_agent FROM web_push_subscriptions WHERE caregiver_id = $1",
    [me.caregiverId],
  );
  expect(saved).toEqual([{ id: expect.any(String), endpoint: browser.endpoint, p256dh: browser.keys.p256dh, user_agent: expect.stringContaining("Chrome") }]);
  await expectNoA11yViolations(page);
  await snap(page, "browser-notifications-on");

  await section.getByRole("button", { name: "Send a test notification" }).click();
  await expect(section.getByText("Test notification sent. It should appear on this screen in a few seconds.")).toBeVisible();
  expect(push.refused).toEqual([]);
  expect(push.pushesTo(browser).map((p) => p.payload)).toEqual([expect.objectContaining({ title: "Elda: test notification", url: "/settings/notifications" })]);
  expect(push.pushesTo(browser)[0].headers["content-encoding"]).toBe("aes128gcm");
  const attempts = await sql<{ channel: string; purpose: string; status: string; recipient: string }>(
    "SELECT channel, purpose, status, recipient FROM notification_attempts WHERE caregiver_id = $1",
    [me.caregiverId],
  );
  expect(attempts).toEqual([{ channel: "web_push", purpose: "test", status: "sent", recipient: saved[0].id }]);

  // the browser keeps its subscription across a reload, and the page knows it
  await page.reload();
  await expect(section.getByText("On for this browser.", { exact: true })).toBeVisible();
  await section.getByRole("button", { name: "Turn off on this browser" }).click();
  await expect(section.getByText("Notifications are off for this browser.")).toBeVisible();
  await expect(section.getByText("Off for this browser.", { exact: true })).toBeVisible();
  expect(await sql("SELECT id FROM web_push_subscriptions WHERE caregiver_id = $1", [me.caregiverId])).toEqual([]);
});

test("notifications blocked in the browser's settings are shown as blocked, with what to do", async ({ page }) => {
  await signInDirectly(page);
  await stubPush(page, push.browser(), "denied");
  await page.goto("/settings/notifications");
  const section = page.getByRole("region", { name: "Notifications on this browser" });
  await expect(section.getByText("Blocked by this browser.")).toBeVisible();
  await expect(section.getByText(/blocked in this browser.s site settings/)).toBeVisible();
  await expect(section.getByRole("button", { name: "Turn on notifications on this browser" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the push control says it needs JavaScript; the rest of the form still saves", async ({ page }) => {
    await signInDirectly(page);
    await page.goto("/settings/notifications");
    await expect(page.getByText("Turning on notifications for this browser needs JavaScript.")).toBeVisible();
    await page.getByLabel("Push notification").check();
    await page.getByRole("button", { name: "Save notification settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your notification settings have been saved." })).toBeVisible();
    await expect(page.getByLabel("Push notification")).toBeChecked();
  });
});

test("the app can be installed: manifest, icons and the service worker are served", async ({ page, request }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ name: "Elda", start_url: "/", display: "standalone", theme_color: "#0f766e" });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const r = await request.get(icon.src);
    expect(r.status(), icon.src).toBe(200);
    expect(r.headers()["content-type"]).toContain(icon.type);
  }
  expect((await request.get("/favicon.ico")).status()).toBe(200);
  const sw = await request.get("/sw.js");
  expect(sw.status()).toBe(200);
  expect(sw.headers()["content-type"]).toContain("javascript");
  expect(await sw.text()).toContain("showNotification");
  const csp = (await request.get("/login")).headers()["content-security-policy"];
  expect(csp).toContain("worker-src 'self'");
  expect(csp).toContain("manifest-src 'self'");
});

test("the service worker shows a pushed notification as sent, and only ever links inside Elda", async ({ page, context }) => {
  await page.goto("/login");
  const origin = new URL(page.url()).origin;
  await context.grantPermissions(["notifications"], { origin });
  const cdp = await context.newCDPSession(page);
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (e: { registrations: typeof registrations }) => registrations.push(...e.registrations));
  await cdp.send("ServiceWorker.enable");
  expect(
    await page.evaluate(
      async () => (await navigator.serviceWorker.register("/sw.js", { scope: "/" }), (await navigator.serviceWorker.ready).active?.scriptURL),
    ),
  ).toBe(`${origin}/sw.js`);
  await expect.poll(() => registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted)?.registrationId).toBeTruthy();
  const registrationId = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted)!.registrationId;
  const shown = () =>
    page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        url: (n.data as { url: string }).url,
      })),
    );

  const alertId = "0b9f3c1e-8d2a-4f7b-9c3e-2a1b4c5d6e7f";
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin,
    registrationId,
    data: JSON.stringify({ title: "Elda: an urgent alert about Betty", body: "Open Elda to see it.", url: `/alerts/${alertId}`, tag: "a1" }),
  });
  await expect
    .poll(shown)
    .toContainEqual({ title: "Elda: an urgent alert about Betty", body: "Open Elda to see it.", tag: "a1", url: `${origin}/alerts/${alertId}` });
  // a payload pointing elsewhere still opens Elda
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin,
    registrationId,
    data: JSON.stringify({ title: "x", body: "y", url: "https://evil.example/steal", tag: "a2" }),
  });
  await expect.poll(shown).toContainEqual({ title: "x", body: "y", tag: "a2", url: `${origin}/` });
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin,
    registrationId,
    data: JSON.stringify({ title: "z", body: "w", url: "//evil.example/steal", tag: "a3" }),
  });
  await expect.poll(shown).toContainEqual({ title: "z", body: "w", tag: "a3", url: `${origin}/` });
});
