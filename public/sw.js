/* Elda's service worker: shows the caregiver's push notifications and opens Elda where a click should go.
 * The payload (title, body, url, tag) is written by lib/notifications/lock-screen.ts: it names no health
 * detail, since a lock screen is public. Nothing is cached here: the dashboard always comes from the server. */

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

/** Only a path on this site is opened (never another origin, even if a payload said so). */
function sameOriginUrl(path) {
  if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//")) return new URL("/", self.location.origin).href;
  const url = new URL(path, self.location.origin);
  return url.origin === self.location.origin ? url.href : new URL("/", self.location.origin).href;
}

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const title = typeof data.title === "string" && data.title ? data.title : "Elda";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === "string" ? data.body : "Open Elda to see what is new.",
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      tag: typeof data.tag === "string" ? data.tag : undefined,
      data: { url: sameOriginUrl(data.url) },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  // made safe when the notification was shown
  const target = (event.notification.data && event.notification.data.url) || new URL("/", self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((w) => w.url === target) || windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        if (open.url !== target && "navigate" in open) await open.navigate(target);
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});

/* The browser replaced the subscription (keys rotated, expired): tell Elda the new one, while the caregiver
 * is still signed in; otherwise they turn notifications on again from Settings. */
self.addEventListener("pushsubscriptionchange", (event) => {
  event.waitUntil(
    (async () => {
      const old = event.oldSubscription;
      const next =
        event.newSubscription ||
        (old && old.options && old.options.applicationServerKey
          ? await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: old.options.applicationServerKey })
          : null);
      if (!next) return;
      await fetch("/api/v1/auth/me/push-subscriptions", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(next.toJSON()),
      });
    })(),
  );
});
