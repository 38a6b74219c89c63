"use client";

import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/**
 * "Notifications on this browser": registers the service worker (public/sw.js), subscribes with the
 * PushManager using the server's VAPID public key and saves the subscription through the API
 * (/api/v1/auth/me/push-subscriptions), sends a test notification, or turns it off. Shows what the browser
 * allows: on, off, blocked, or not supported. Without JavaScript it says that it needs JavaScript.
 */
type State =
  { kind: "checking" } | { kind: "unsupported"; why: string } | { kind: "no-keys" } | { kind: "blocked" } | { kind: "off" } | { kind: "on"; id: string };

interface Props {
  vapidPublicKey: string | null;
  /** the caregiver's saved browsers (id and endpoint), to recognise this one */
  saved: { id: string; endpoint: string }[];
  /** whether "Push notification" is ticked in the form above */
  pushTicked: boolean;
}

const API = "/api/v1/auth/me/push-subscriptions";

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

const sameKey = (sub: PushSubscription, key: string) => {
  const k = sub.options?.applicationServerKey;
  if (!k) return true;
  const a = new Uint8Array(k);
  const b = keyBytes(key);
  return a.length === b.length && a.every((x, i) => x === b[i]);
};

async function problemText(res: Response) {
  try {
    const p = await res.json();
    return typeof p.detail === "string" ? p.detail : `The server answered ${res.status}.`;
  } catch {
    return `The server answered ${res.status}.`;
  }
}

export function BrowserNotifications({ vapidPublicKey, saved, pushTicked }: Props) {
  const [state, setState] = useState<State>({ kind: "checking" });
  const [message, setMessage] = useState<{ tone: "success" | "info" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const check = useCallback(async () => {
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      const ios = /iPad|iPhone|iPod/.test(navigator.userAgent);
      setState({
        kind: "unsupported",
        why: ios
          ? "On an iPhone or iPad, add Elda to your Home Screen (Share, then Add to Home Screen) and open it from there."
          : "This browser cannot show notifications from websites.",
      });
      return;
    }
    if (!vapidPublicKey) return setState({ kind: "no-keys" });
    if (Notification.permission === "denied") return setState({ kind: "blocked" });
    const reg = await navigator.serviceWorker.getRegistration("/");
    const sub = await reg?.pushManager.getSubscription();
    const mine = sub && saved.find((s) => s.endpoint === sub.endpoint);
    setState(mine && Notification.permission === "granted" ? { kind: "on", id: mine.id } : { kind: "off" });
  }, [vapidPublicKey, saved]);

  useEffect(() => {
    // what the browser supports and allows is only known in the browser
    // eslint-disable-next-line react-hooks/set-state-in-effect
    check().catch(() => setState({ kind: "off" }));
  }, [check]);

  async function turnOn() {
    if (!vapidPublicKey) return;
    setBusy(true);
    setMessage(null);
    try {
      const reg = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      await navigator.serviceWorker.ready;
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState(permission === "denied" ? { kind: "blocked" } : { kind: "off" });
        setMessage({ tone: "info", text: "Notifications were not allowed, so nothing changed." });
        return;
      }
      let sub = await reg.pushManager.getSubscription();
      if (sub && !sameKey(sub, vapidPublicKey)) {
        await sub.unsubscribe();
        sub = null;
      }
      sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) });
      const res = await fetch(API, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(sub.toJSON()) });
      if (!res.ok) {
        setMessage({ tone: "error", text: `Notifications could not be turned on: ${await problemText(res)}` });
        return;
      }
      const created = (await res.json()) as { id: string };
      setState({ kind: "on", id: created.id });
      setMessage({ tone: "success", text: "Notifications are on for this browser." });
    } catch (err) {
      setMessage({ tone: "error", text: `Notifications could not be turned on: ${(err as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  async function sendTest(id: string) {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(`${API}/${id}/test`, { method: "POST" });
      if (!res.ok) {
        setMessage({ tone: "error", text: await problemText(res) });
        if (res.status === 404) setState({ kind: "off" });
        return;
      }
      const r = (await res.json()) as { status: string; error: string | null };
      if (r.status === "sent") setMessage({ tone: "success", text: "Test notification sent. It should appear on this screen in a few seconds." });
      else if (r.status === "simulated")
        setMessage({ tone: "info", text: "Test notification recorded. This Elda server has no push keys, so nothing was sent." });
      else if (r.status === "pending")
        setMessage({ tone: "info", text: `Elda could not reach this browser's push service yet and will try again. (${r.error ?? "no answer"})` });
      else {
        setMessage({ tone: "error", text: `The test notification could not be delivered: ${r.error ?? "unknown reason"}` });
        await check();
      }
    } finally {
      setBusy(false);
    }
  }

  async function turnOff(id: string) {
    setBusy(true);
    setMessage(null);
    try {
      const reg = await navigator.serviceWorker.getRegistration("/");
      await (await reg?.pushManager.getSubscription())?.unsubscribe();
      const res = await fetch(`${API}/${id}`, { method: "DELETE" });
      if (!res.ok && res.status !== 404) {
        setMessage({ tone: "error", text: await problemText(res) });
        return;
      }
      setState({ kind: "off" });
      setMessage({ tone: "success", text: "Notifications are off for this browser." });
    } finally {
      setBusy(false);
    }
  }

  const status =
    state.kind === "on"
      ? "On for this browser."
      : state.kind === "off"
        ? "Off for this browser."
        : state.kind === "blocked"
          ? "Blocked by this browser."
          : state.kind === "unsupported"
            ? "Not supported by this browser."
            : state.kind === "no-keys"
              ? "Not available: this Elda server has no push keys (VAPID) set up."
              : "";

  return (
    <section aria-labelledby="browser-notifications" className="space-y-4">
      <h2 id="browser-notifications" className="text-xl font-semibold">
        Notifications on this browser
      </h2>
      <p className="max-w-prose text-base text-stone-600">
        Alerts and daily summaries appear on this computer or phone, even when Elda is closed. What shows on the screen names the person you care for, never
        their health details.
      </p>
      {state.kind === "checking" && (
        // what the server sends; replaced as soon as the page's script has looked at the browser
        <p className="font-semibold">Turning on notifications for this browser needs JavaScript. Everything else on this page works without it.</p>
      )}
      {state.kind !== "checking" && (
        <>
          <p role="status" className="text-lg font-semibold">
            {status}
          </p>
          {state.kind === "unsupported" && <p className="text-stone-700">{state.why}</p>}
          {state.kind === "blocked" && (
            <p className="text-stone-700">Notifications for Elda are blocked in this browser&apos;s site settings. Allow them there, then reload this page.</p>
          )}
          {state.kind === "on" && !pushTicked && (
            <Notice tone="info">Tick &ldquo;Push notification&rdquo; above and save, or alerts will not be sent here.</Notice>
          )}
          <div className="flex flex-wrap gap-3">
            {state.kind === "off" && (
              <Button onClick={turnOn} disabled={busy}>
                Turn on notifications on this browser
              </Button>
            )}
            {state.kind === "on" && (
              <>
                <Button onClick={() => sendTest(state.id)} disabled={busy}>
                  Send a test notification
                </Button>
                <Button variant="secondary" onClick={() => turnOff(state.id)} disabled={busy}>
                  Turn off on this browser
                </Button>
              </>
            )}
          </div>
          {message && (
            <Notice tone={message.tone} role={message.tone === "error" ? "alert" : "status"}>
              {message.text}
            </Notice>
          )}
        </>
      )}
    </section>
  );
}
