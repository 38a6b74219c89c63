import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/lib/config";
import { logger } from "@/lib/observability/logger";
import type { ChannelSender, OutboundMessage } from "./types";

let transport: nodemailer.Transporter | null | undefined;

function mailer() {
  if (transport !== undefined) return transport;
  const s = config().smtp;
  return (transport = s ? nodemailer.createTransport(s.url) : null);
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
      const r = await t.sendMail({ from: config().smtp!.from, to: m.to, subject: m.subject ?? "Elda", text: m.text, html: m.html });
      return { status: "sent", providerId: r.messageId };
    } catch (err) {
      return { status: "failed", error: String((err as Error)?.message ?? err).slice(0, 500) };
    }
  },
};

export function resetEmailTransport() {
  transport = undefined;
}
