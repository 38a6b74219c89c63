import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reloadConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { resetTwilioClient } from "./channels/twilio";
import { dispatchPending } from "./dispatch";
import { handleIncomingSms } from "./twilio-webhooks";
import { SMS_CONTACT_REFUSAL } from "./sms-contact-guard";

/**
 * SPEC §8: any SMS to a patient's own number goes through the sms_contact guard. A caregiver whose number is
 * also a patient's phone (a couple sharing one phone) gets no text while that patient's sms_contact is not in
 * force (not recorded counts as refused): the attempt is recorded as skipped with the reason and nothing
 * reaches Twilio (a local fake counts what it receives); with the consent in force it goes.
 */
const sent: string[] = [];
let twilio: http.Server;
const ENV = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "TWILIO_API_BASE_URL"];

beforeAll(async () => {
  let sid = 0;
  twilio = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      sent.push(new URLSearchParams(raw).get("To") ?? "");
      res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ sid: `SM${String(++sid).padStart(32, "0")}`, status: "queued" }));
    });
  });
  await new Promise<void>((r) => twilio.listen(0, "127.0.0.1", r));
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
    TWILIO_AUTH_TOKEN: "twilio-test-auth-token",
    TWILIO_FROM_NUMBER: "+15550009999",
    TWILIO_API_BASE_URL: `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`,
  });
  reloadConfig();
  resetTwilioClient();
});
afterAll(async () => {
  for (const k of ENV) delete process.env[k];
  reloadConfig();
  resetTwilioClient();
  await new Promise((r) => twilio.close(r));
});

const uniquePhone = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

async function household(phone: string) {
  const owner = await makeCaregiver();
  await db.caregiver.update({
    where: { id: owner.id },
    data: { phoneNumber: phone, preferences: { notifications: { sms: true, email: false, push: false } } },
  });
  const patient = await makePatient(owner, { phone_number: phone });
  return { owner, patient };
}

async function smsAttempt(patientId: string, caregiverId: string, to: string, n: number) {
  const alert = await raiseAlert(
    db,
    {
      patientId,
      type: "emergency",
      severity: "critical",
      dedupKey: `g${n}`,
      title: "t",
      description: "d",
      source: "test",
      evidence: { kind: "rule", at: "now" },
    },
    new Date(),
  );
  return db.notificationAttempt.create({
    data: { idempotencyKey: `guard-${alert.alertId}-${n}`, patientId, caregiverId, alertId: alert.alertId, channel: "sms", purpose: "alert", recipient: to },
  });
}

describe("the sms_contact guard", () => {
  it("skips, with the reason, an SMS to a patient's own number without their sms_contact; sends it once they agree", async () => {
    const phone = uniquePhone();
    const { owner, patient } = await household(phone);
    const first = await smsAttempt(patient.id, owner.id, phone, 1);
    await dispatchPending(new Date(), { caregiverId: owner.id });
    expect(await db.notificationAttempt.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "skipped",
      error: SMS_CONTACT_REFUSAL,
      providerId: null,
    });
    expect(sent).not.toContain(phone);

    // refused explicitly: the same
    await db.consent.create({ data: { patientId: patient.id, kind: "sms_contact", granted: false, givenBy: "patient" } });
    const second = await smsAttempt(patient.id, owner.id, phone, 2);
    await dispatchPending(new Date(), { caregiverId: owner.id });
    expect((await db.notificationAttempt.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("skipped");
    expect(sent).not.toContain(phone);

    await db.consent.create({
      data: { patientId: patient.id, kind: "sms_contact", granted: true, givenBy: "patient", recordedAt: new Date(Date.now() + 1000) },
    });
    const third = await smsAttempt(patient.id, owner.id, phone, 3);
    await dispatchPending(new Date(), { caregiverId: owner.id });
    expect(await db.notificationAttempt.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({
      status: "sent",
      providerId: expect.stringMatching(/^SM/),
    });
    expect(sent.filter((to) => to === phone)).toHaveLength(1);
  });

  it("a number that is no patient's phone is not held back", async () => {
    const { owner, patient } = await household(uniquePhone());
    const other = uniquePhone();
    const a = await smsAttempt(patient.id, owner.id, other, 1);
    await dispatchPending(new Date(), { caregiverId: owner.id });
    expect((await db.notificationAttempt.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("sent");
    expect(sent).toContain(other);
  });

  it("a reply to an incoming SMS from a patient's phone is not sent without their consent", async () => {
    const phone = uniquePhone();
    await household(phone);
    const twiml = await handleIncomingSms({ From: phone, Body: "hello?" }, new Date());
    expect(twiml).not.toContain("<Message>");
    const stranger = await handleIncomingSms({ From: uniquePhone(), Body: "hello?" }, new Date());
    expect(stranger).toContain("<Message>");
  });
});
