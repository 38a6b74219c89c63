import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { reloadConfig } from "@/lib/config";
import { resetTwilioClient } from "@/lib/notifications/channels/twilio";
import { resetEmailTransport } from "@/lib/notifications/channels/email";

const ENV = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "TWILIO_API_BASE_URL", "SMTP_URL", "APP_URL"];
export const FAKE_TWILIO_AUTH_TOKEN = "twilio-test-auth-token";
export const FAKE_APP_URL = "https://elda.test";

/**
 * The real provider clients against local fakes: a fake Twilio REST API (reached through twilio's own
 * httpClient option) and a real SMTP server in-process, recording what each recipient received.
 * `twilio: false` keeps SMS and calls simulated. Call `stop()` in afterAll: it restores the environment.
 */
export async function startFakeProviders(opts: { twilio?: boolean } = {}) {
  const withTwilio = opts.twilio ?? true;
  const twilioRequests: { path: string; form: URLSearchParams }[] = [];
  const emails: { to: string; raw: string }[] = [];
  let sid = 0;
  const twilio = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      twilioRequests.push({ path: req.url ?? "", form: new URLSearchParams(body) });
      const kind = req.url?.includes("/Calls") ? "CA" : "SM";
      res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ sid: `${kind}${String(++sid).padStart(32, "0")}`, status: "queued" }));
    });
  });
  if (withTwilio) await new Promise<void>((r) => twilio.listen(0, "127.0.0.1", r));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, cb) {
      let raw = "";
      stream.on("data", (c) => (raw += c));
      stream.on("end", () => {
        emails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  Object.assign(process.env, { SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, APP_URL: FAKE_APP_URL });
  if (withTwilio) {
    Object.assign(process.env, {
      TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
      TWILIO_AUTH_TOKEN: FAKE_TWILIO_AUTH_TOKEN,
      TWILIO_FROM_NUMBER: "+15550009999",
      TWILIO_API_BASE_URL: `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`,
    });
  }
  const reset = () => {
    reloadConfig();
    resetTwilioClient();
    resetEmailTransport();
  };
  reset();
  return {
    twilioRequests,
    emails,
    sms: (to: string) => twilioRequests.filter((r) => r.path.endsWith("/Messages.json") && r.form.get("To") === to),
    calls: (to: string) => twilioRequests.filter((r) => r.path.endsWith("/Calls.json") && r.form.get("To") === to),
    mailTo: (to: string) => emails.filter((e) => e.to === to),
    async stop() {
      for (const k of ENV) delete process.env[k];
      reset();
      if (withTwilio) await new Promise((r) => twilio.close(r));
      await new Promise((r) => smtp.close(() => r(undefined)));
    },
  };
}

/** RFC 2047 encoded words ("=?UTF-8?Q?...?=", "=?UTF-8?B?...?=") as text. */
function decodeWords(header: string): string {
  return header.replace(/\?=\s+=\?/g, "?==?").replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(
          data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

/** An email as its reader sees it: the decoded subject and the plain-text part (quoted-printable or base64 undone). */
export function readMail(raw: string): { subject: string; text: string; html: string } {
  const [head] = raw.split("\r\n\r\n");
  const subject = decodeWords((/^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(head)?.[1] ?? "").replace(/\r\n[ \t]/g, " "));
  // each MIME part (the whole message when it has one) is headers, a blank line, a body
  const parts = raw.split(/\r\n--[^\r\n]+/).map((p) => {
    const at = p.indexOf("\r\n\r\n");
    return { headers: p.slice(0, at), body: p.slice(at + 4) };
  });
  const part = (type: string) => {
    const p = parts.find((x) => new RegExp(`^Content-Type: ${type}`, "im").test(x.headers));
    if (!p) return "";
    if (/Content-Transfer-Encoding: base64/i.test(p.headers)) return Buffer.from(p.body.replace(/\s+/g, ""), "base64").toString("utf8");
    if (/Content-Transfer-Encoding: quoted-printable/i.test(p.headers))
      return Buffer.from(
        p.body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
        "latin1",
      ).toString("utf8");
    return p.body;
  };
  return { subject, text: part("text/plain"), html: part("text/html") };
}
