import "server-only";
import type { BatchResponse, Message } from "firebase-admin/messaging";
import { config } from "@/lib/config";
import { logger } from "@/lib/observability/logger";

/**
 * Firebase Cloud Messaging for the patient's phone. The transport is firebase-admin's `sendEach`
 * (FIREBASE_SERVICE_ACCOUNT: the service account JSON); without credentials pushes are simulated.
 */
export interface PushTransport {
  sendEach(messages: Message[]): Promise<BatchResponse>;
}

let transport: PushTransport | null | undefined;

async function fcm(): Promise<PushTransport | null> {
  if (transport !== undefined) return transport;
  const json = config().firebaseServiceAccount;
  if (!json) return (transport = null);
  const { initializeApp, cert, getApps } = await import("firebase-admin/app");
  const { getMessaging } = await import("firebase-admin/messaging");
  const app = getApps().find((a) => a.name === "elda") ?? initializeApp({ credential: cert(JSON.parse(json)) }, "elda");
  return (transport = getMessaging(app));
}

/** Tests: a stand-in for FCM's sendEach (the provider's API, not our code). null returns to the default. */
export function setPushTransport(t: PushTransport | null | undefined) {
  transport = t;
}

export interface PushItem {
  token: string;
  title: string;
  body: string;
  /** string values only (SPEC §3) */
  data: Record<string, string>;
  highPriority: boolean;
}

export interface PushOutcome {
  status: "sent" | "failed" | "simulated";
  providerId?: string;
  error?: string;
  /** FCM says the token is dead: delete it */
  unregistered?: boolean;
  /** another try cannot help (a dead token, a message FCM refuses) */
  permanent?: boolean;
}

const DEAD = new Set(["messaging/registration-token-not-registered", "messaging/invalid-registration-token"]);
const REFUSED = new Set([
  ...DEAD,
  "messaging/invalid-argument",
  "messaging/invalid-recipient",
  "messaging/payload-size-limit-exceeded",
  "messaging/mismatched-credential",
]);

export async function sendPushes(items: PushItem[]): Promise<PushOutcome[]> {
  const t = await fcm();
  if (!t) {
    if (items.length) logger.info({ channel: "push", count: items.length }, "pushes simulated (no FIREBASE_SERVICE_ACCOUNT)");
    return items.map(() => ({ status: "simulated" }));
  }
  const out: PushOutcome[] = [];
  for (let i = 0; i < items.length; i += 500) {
    const chunk = items.slice(i, i + 500);
    const messages: Message[] = chunk.map((p) => ({
      token: p.token,
      notification: { title: p.title, body: p.body },
      data: p.data,
      android: { priority: p.highPriority ? "high" : "normal" },
      apns: { headers: { "apns-priority": p.highPriority ? "10" : "5" }, payload: { aps: { sound: "default" } } },
    }));
    try {
      const r = await t.sendEach(messages);
      for (const res of r.responses) {
        if (res.success) out.push({ status: "sent", providerId: res.messageId });
        else
          out.push({
            status: "failed",
            error: res.error?.message?.slice(0, 500),
            unregistered: DEAD.has(res.error?.code ?? ""),
            permanent: REFUSED.has(res.error?.code ?? ""),
          });
      }
    } catch (err) {
      for (const _ of chunk) out.push({ status: "failed", error: String((err as Error)?.message ?? err).slice(0, 500) });
    }
  }
  return out;
}
