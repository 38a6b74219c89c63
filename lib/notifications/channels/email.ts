import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/lib/config";
import { logger } from "@/lib/observability/logger";
import type { ChannelSender, OutboundMessage } from "./types";

let transport: nodemailer.Transporter | null | undefined;

/** Timeouts well inside a sender's claim (lib/notifications/claim-attempts.ts), unless SMTP_URL sets its own. */
const TIMEOUTS = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "30000" };

function mailer() {
  if (transport !== undefined) return transport;
  const s = config().smtp;
  if (!s) return (transport = null);
  const url = new URL(s.url);
  for (const [k, v] of Object.entries(TIMEOUTS)) if (!url.searchParams.has(k)) url.searchParams.set(k, v);
  return (transport = nodemailer.createTransport(url.toString()));
}

/** SMTP through nodemailer (SMTP_URL, EMAIL_FROM); without it, emails are simulated. */
export const emailSender: ChannelSender = {
  async send(m: OutboundMessage) {
    const t = mailer();
    if (!t) {
      logger.info({ channel: "email", chars: m.text.length }, "email simulated (no SMTP_URL)");
      return { status: "simulated" };
    }
    try {
      // one Message-ID per attempt: a retry after a crash that had in fact sent is the same message to mail clients
      const messageId = m.attemptId ? `<attempt-${m.attemptId}@${new URL(config().appUrl).hostname}>` : undefined;
      const r = await t.sendMail({ from: config().smtp!.from, to: m.to, subject: m.subject ?? "Elda", text: m.text, html: m.html, messageId });
      return { status: "sent", providerId: r.messageId };
    } catch (err) {
      // a 5xx SMTP reply is a refusal (unknown mailbox...); 4xx replies and connection errors are worth another try
      const code = Number((err as { responseCode?: number })?.responseCode);
      return { status: "failed", error: String((err as Error)?.message ?? err).slice(0, 500), permanent: code >= 500 && code < 600 };
    }
  },
};

export function resetEmailTransport() {
  transport = undefined;
}
