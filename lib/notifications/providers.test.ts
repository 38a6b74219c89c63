import { afterAll, beforeAll, describe, expect, it } from "vitest";
import twilio from "twilio";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { FAKE_APP_URL, FAKE_TWILIO_AUTH_TOKEN, startFakeProviders } from "@/lib/testing/fake-providers";
import { joinCareTeam, makeCaregiver, makePatient } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { escalateAlerts } from "@/lib/alerts/escalate-alerts";
import { dispatchPending, sendDigests } from "./dispatch";
import { sendDailySummaries } from "@/lib/summaries/deliver-daily-summaries";
import * as smsHook from "@/app/api/v1/webhooks/twilio/sms/route";
import * as voiceHook from "@/app/api/v1/webhooks/twilio/voice/route";
import * as statusHook from "@/app/api/v1/webhooks/twilio/status/route";

/**
 * The real provider clients against local fakes: a fake Twilio REST API (reached through twilio's own
 * httpClient option) and a real SMTP server in-process. Asserts what each caregiver actually received.
 */
const AUTH_TOKEN = FAKE_TWILIO_AUTH_TOKEN;
const APP = FAKE_APP_URL;
let fake: Awaited<ReturnType<typeof startFakeProviders>>;
let twilioRequests: { path: string; form: URLSearchParams }[];
let emails: { to: string; raw: string }[];

beforeAll(async () => {
  fake = await startFakeProviders();
  ({ twilioRequests, emails } = fake);
});

afterAll(() => fake.stop());

/** A webhook as Twilio would send it: form-encoded, signed over our public URL. */
function fromTwilio(path: string, params: Record<string, string>, signature?: string) {
  const sig = signature ?? twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${APP}${path}`, params);
  return {
    method: "POST",
    path,
    rawBody: new URLSearchParams(params).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": sig },
  };
}

async function household(phone: string) {
  const sarah = await makeCaregiver({ firstName: "Sarah" });
  await db.caregiver.update({ where: { id: sarah.id }, data: { phoneNumber: phone, timezone: "America/Chicago" } });
  const patient = await makePatient(sarah, { timezone: "America/Chicago" });
  const tom = await makeCaregiver({ organizationId: sarah.organizationId, firstName: "Tom" });
  await db.caregiver.update({ where: { id: tom.id }, data: { phoneNumber: "+15550001111", preferences: { quiet_hours: { enabled: false } } } });
  await joinCareTeam(patient.id, tom.id, "secondary", 2);
  return { sarah, patient };
}

const emergency = (patientId: string, now: Date) =>
  raiseAlert(
    db,
    {
      patientId,
      type: "emergency",
      severity: "critical",
      dedupKey: "button",
      title: "Emergency button pressed",
      description: "Betty asked for help.",
      source: "emergency_button",
      evidence: { kind: "rule", at: now.toISOString() },
    },
    now,
  );

describe("alerts reach people through Twilio and SMTP", () => {
  it("a critical alert at 03:00 texts, calls and emails Sarah, and Sarah's 'ACK' reply stops the escalation", async () => {
    const phone = "+15550002001";
    const { sarah, patient } = await household(phone);
    const t = new Date("2026-01-15T09:00:00Z");
    const a = await emergency(patient.id, t);
    await escalateAlerts(t);
    const alert = await db.alert.findUniqueOrThrow({ where: { id: a.alertId } });
    const sms = twilioRequests.find((r) => r.path.endsWith("/Messages.json") && r.form.get("To") === phone)!;
    expect(sms.form.get("From")).toBe("+15550009999");
    expect(sms.form.get("Body")).toContain(`Reply ACK ${alert.ackCode}`);
    expect(sms.form.get("Body")).toContain("Elda CRITICAL alert for Betty Johnson: an emergency.");
    const voice = twilioRequests.find((r) => r.path.endsWith("/Calls.json") && r.form.get("To") === phone)!;
    expect(voice.form.get("Twiml")).toContain("Press 1 to acknowledge");
    expect(voice.form.get("Twiml")).toContain(`${APP}/api/v1/webhooks/twilio/voice?alert_id=${a.alertId}`);
    const mail = emails.find((e) => e.to === sarah.email)!;
    expect(mail.raw).toMatch(/Subject: Elda: a critical alert needs your attention/);
    expect(mail.raw.split("\r\n\r\n")[0]).not.toContain("Johnson"); // no PHI in the headers
    const attempts = await db.notificationAttempt.findMany({ where: { alertId: a.alertId, caregiverId: sarah.id } });
    expect(attempts.every((x) => x.status === "sent" && x.providerId)).toBe(true);

    const reply = await call(smsHook.POST, fromTwilio("/api/v1/webhooks/twilio/sms", { From: phone, To: "+15550009999", Body: `ack ${alert.ackCode}` }));
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toContain("text/xml");
    expect(reply.body).toContain("You have the alert for Betty Johnson");
    expect(await db.alert.findUniqueOrThrow({ where: { id: a.alertId } })).toMatchObject({
      status: "acknowledged",
      acknowledgedVia: "sms",
      acknowledgedById: sarah.id,
    });
    const before = twilioRequests.length;
    await escalateAlerts(new Date("2026-01-15T09:05:00Z"));
    expect(twilioRequests.length).toBe(before); // Tom is not called
  });

  it("refuses forged and unsigned webhooks, changing nothing", async () => {
    const phone = "+15550002002";
    const { patient } = await household(phone);
    const a = await emergency(patient.id, new Date());
    const alert = await db.alert.findUniqueOrThrow({ where: { id: a.alertId } });
    const forged = await call(smsHook.POST, fromTwilio("/api/v1/webhooks/twilio/sms", { From: phone, Body: `ACK ${alert.ackCode}` }, "bm90IGEgc2lnbmF0dXJl"));
    expect(forged.status).toBe(403);
    const unsigned = await call(smsHook.POST, {
      method: "POST",
      path: "/api/v1/webhooks/twilio/sms",
      rawBody: `From=${encodeURIComponent(phone)}&Body=ACK+${alert.ackCode}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(unsigned.status).toBe(403);
    // signed for another URL (replayed against a different endpoint)
    const params = { From: phone, Body: `ACK ${alert.ackCode}` };
    const replay = await call(
      smsHook.POST,
      fromTwilio("/api/v1/webhooks/twilio/sms", params, twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${APP}/api/v1/webhooks/twilio/status`, params)),
    );
    expect(replay.status).toBe(403);
    expect((await db.alert.findUniqueOrThrow({ where: { id: a.alertId } })).status).toBe("open");
  });

  it("a key press acknowledges from the call; status callbacks update delivery; STOP and START switch SMS", async () => {
    const phone = "+15550002003";
    const { sarah, patient } = await household(phone);
    const t = new Date();
    const a = await emergency(patient.id, t);
    await escalateAlerts(t);
    const path = `/api/v1/webhooks/twilio/voice?alert_id=${a.alertId}`;
    const pressed = await call(voiceHook.POST, fromTwilio(path, { To: phone, Digits: "1" }));
    expect(pressed.body).toContain("The alert is acknowledged");
    expect((await db.alert.findUniqueOrThrow({ where: { id: a.alertId } })).acknowledgedVia).toBe("voice");
    const smsAttempt = await db.notificationAttempt.findFirstOrThrow({ where: { alertId: a.alertId, caregiverId: sarah.id, channel: "sms" } });
    await call(statusHook.POST, fromTwilio("/api/v1/webhooks/twilio/status", { MessageSid: smsAttempt.providerId!, MessageStatus: "delivered" }));
    expect((await db.notificationAttempt.findUniqueOrThrow({ where: { id: smsAttempt.id } })).status).toBe("delivered");
    await call(smsHook.POST, fromTwilio("/api/v1/webhooks/twilio/sms", { From: phone, Body: "STOP" }));
    expect(((await db.caregiver.findUniqueOrThrow({ where: { id: sarah.id } })).preferences as { notifications: { sms: boolean } }).notifications.sms).toBe(
      false,
    );
    await call(smsHook.POST, fromTwilio("/api/v1/webhooks/twilio/sms", { From: phone, Body: "start" }));
    expect(((await db.caregiver.findUniqueOrThrow({ where: { id: sarah.id } })).preferences as { notifications: { sms: boolean } }).notifications.sms).toBe(
      true,
    );
  });

  it("held messages go out as one digest when the hour closes; daily summaries arrive by email", async () => {
    const phone = "+15550002004";
    const { sarah, patient } = await household(phone);
    const t = new Date("2026-01-20T16:00:00Z");
    for (const k of ["a", "b", "c", "d"]) {
      await raiseAlert(
        db,
        {
          patientId: patient.id,
          type: "health_concern",
          severity: "medium",
          dedupKey: k,
          title: `Concern ${k}`,
          description: "d",
          source: "test",
          evidence: { kind: "rule", at: t.toISOString() },
        },
        t,
      );
    }
    await escalateAlerts(t);
    expect(await db.notificationAttempt.count({ where: { caregiverId: sarah.id, status: "held" } })).toBe(2); // the fourth alert's SMS and email
    // (other tests' held messages may fall due too: count Sarah's)
    await sendDigests(new Date("2026-01-20T16:30:00Z"));
    expect(await db.notificationAttempt.count({ where: { caregiverId: sarah.id, status: "held" } })).toBe(2);
    await sendDigests(new Date("2026-01-20T17:00:00Z"));
    expect(emails.filter((e) => e.to === sarah.email && e.raw.includes("Subject: Elda: alerts you have not been sent yet"))).toHaveLength(1);
    const digest = twilioRequests.filter((x) => x.form.get("To") === phone).at(-1)!;
    expect(digest.form.get("Body")).toContain("Elda digest");
    expect(digest.form.get("Body")).toContain("Betty Johnson: a health concern (medium)");
    expect(await db.notificationAttempt.count({ where: { caregiverId: sarah.id, status: "held" } })).toBe(0);

    await sendDailySummaries(sarah.id, new Date("2026-01-21T02:00:00Z"));
    await dispatchPending(new Date("2026-01-21T02:00:00Z"));
    const mail = emails.filter((e) => e.to === sarah.email).at(-1)!;
    expect(mail.raw).toContain("Subject: Elda: your daily summary");
    expect(mail.raw).toContain("text/html");
  });

  it("answers unknown senders, wrong keys, unknown codes and unknown message ids without changing anything", async () => {
    const phone = "+15550002005";
    const { patient } = await household(phone);
    const a = await emergency(patient.id, new Date());
    const stranger = await call(smsHook.POST, fromTwilio("/api/v1/webhooks/twilio/sms", { From: "+15550009876", Body: "ACK 1234" }));
    expect(stranger.body).toContain("not on an Elda care team");
    const wrongCode = await call(smsHook.POST, fromTwilio("/api/v1/webhooks/twilio/sms", { From: phone, Body: "ACK 0000" }));
    expect(wrongCode.body).toContain("No open alert with code 0000");
    const chatter = await call(smsHook.POST, fromTwilio("/api/v1/webhooks/twilio/sms", { From: phone, Body: "hello?" }));
    expect(chatter.body).toContain("Reply ACK");
    const path = `/api/v1/webhooks/twilio/voice?alert_id=${a.alertId}`;
    expect((await call(voiceHook.POST, fromTwilio(path, { To: phone, Digits: "2" }))).body).toContain("not acknowledged");
    expect((await call(statusHook.POST, fromTwilio("/api/v1/webhooks/twilio/status", { MessageSid: "SMnope", MessageStatus: "delivered" }))).body).toEqual({
      updated: 0,
    });
    expect((await db.alert.findUniqueOrThrow({ where: { id: a.alertId } })).status).toBe("open");
  });
});
