"use client";

import { useCallback, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
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

/** The API's own words (English, decision 029) when it sent some, else the status in the caregiver's language. */
async function problemText(res: Response, answered: (status: number) => string) {
  try {
    const p = await res.json();
    return typeof p.detail === "string" ? p.detail : answered(res.status);
  } catch {
    return answered(res.status);
  }
}

export function BrowserNotifications({ vapidPublicKey, saved, pushTicked }: Props) {
  const [state, setState] = useState<State>({ kind: "checking" });
  const [message, setMessage] = useState<{ tone: "success" | "info" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useTranslations("settings.browser");
  const answered = (status: number) => t("serverAnswered", { status: String(status) });

  const check = useCallback(async () => {
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      const ios = /iPad|iPhone|iPod/.test(navigator.userAgent);
      setState({
        kind: "unsupported",
        why: ios ? t("ios") : t("cannotShow"),
      });
      return;
    }
    if (!vapidPublicKey) return setState({ kind: "no-keys" });
    if (Notification.permission === "denied") return setState({ kind: "blocked" });
    const reg = await navigator.serviceWorker.getRegistration("/");
    const sub = await reg?.pushManager.getSubscription();
    const mine = sub && saved.find((s) => s.endpoint === sub.endpoint);
    setState(mine && Notification.permission === "granted" ? { kind: "on", id: mine.id } : { kind: "off" });
  }, [vapidPublicKey, saved, t]);

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
        setMessage({ tone: "info", text: t("notAllowed") });
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
        setMessage({ tone: "error", text: t("couldNotTurnOn", { reason: await problemText(res, answered) }) });
        return;
      }
      const created = (await res.json()) as { id: string };
      setState({ kind: "on", id: created.id });
      setMessage({ tone: "success", text: t("nowOn") });
    } catch (err) {
      setMessage({ tone: "error", text: t("couldNotTurnOn", { reason: (err as Error).message }) });
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
        setMessage({ tone: "error", text: await problemText(res, answered) });
        if (res.status === 404) setState({ kind: "off" });
        return;
      }
      const r = (await res.json()) as { status: string; error: string | null };
      if (r.status === "sent") setMessage({ tone: "success", text: t("testSent") });
      else if (r.status === "simulated") setMessage({ tone: "info", text: t("testSimulated") });
      else if (r.status === "pending") setMessage({ tone: "info", text: t("testPending", { reason: r.error ?? t("noAnswer") }) });
      else {
        setMessage({ tone: "error", text: t("testFailed", { reason: r.error ?? t("unknownReason") }) });
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
        setMessage({ tone: "error", text: await problemText(res, answered) });
        return;
      }
      setState({ kind: "off" });
      setMessage({ tone: "success", text: t("nowOff") });
    } finally {
      setBusy(false);
    }
  }

  const status =
    state.kind === "on"
      ? t("status.on")
      : state.kind === "off"
        ? t("status.off")
        : state.kind === "blocked"
          ? t("status.blocked")
          : state.kind === "unsupported"
            ? t("status.unsupported")
            : state.kind === "no-keys"
              ? t("status.noKeys")
              : "";

  return (
    <section aria-labelledby="browser-notifications" className="space-y-4">
      <h2 id="browser-notifications" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <p className="max-w-prose text-base text-stone-600">{t("intro")}</p>
      {state.kind === "checking" && (
        // what the server sends; replaced as soon as the page's script has looked at the browser
        <p className="font-semibold">{t("needsScript")}</p>
      )}
      {state.kind !== "checking" && (
        <>
          <p role="status" className="text-lg font-semibold">
            {status}
          </p>
          {state.kind === "unsupported" && <p className="text-stone-700">{state.why}</p>}
          {state.kind === "blocked" && <p className="text-stone-700">{t("blockedBody")}</p>}
          {state.kind === "on" && !pushTicked && <Notice tone="info">{t("tickPush")}</Notice>}
          <div className="flex flex-wrap gap-3">
            {state.kind === "off" && (
              <Button onClick={turnOn} disabled={busy}>
                {t("turnOn")}
              </Button>
            )}
            {state.kind === "on" && (
              <>
                <Button onClick={() => sendTest(state.id)} disabled={busy}>
                  {t("sendTest")}
                </Button>
                <Button variant="secondary" onClick={() => turnOff(state.id)} disabled={busy}>
                  {t("turnOff")}
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
