import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MockLanguageModelV3 } from "ai/test";
import twilio from "twilio";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { FAKE_APP_URL, FAKE_TWILIO_AUTH_TOKEN, readMail, startFakeProviders } from "@/lib/testing/fake-providers";
import { joinCareTeam, makeCaregiver, makePatient, pairDevice, type TestCaregiver } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { escalateAlerts } from "@/lib/alerts/escalate-alerts";
import { setModelFactory } from "@/lib/companion/model";
import { smsSegments } from "@/lib/usage/meter";
import { smallTalk } from "@/lib/testing/fake-anthropic";
import * as usage from "./route";
import * as orgSettings from "../settings/route";
import * as apiKeys from "@/app/api/v1/auth/api-keys/route";
import * as heartbeat from "@/app/api/v1/patients/[id]/heartbeat/route";
import * as interact from "@/app/api/v1/voice/interact/route";
import * as statusHook from "@/app/api/v1/webhooks/twilio/status/route";

/**
 * Usage metering (SPEC §8, docs/decisions/026) through the real send paths against fake providers: what
 * reached a provider is counted for the patient's organization and month, and the monthly SMS cap reroutes
 * non-critical messages (never a critical alert) and tells the owners once at 80%.
 */
let fake: Awaited<ReturnType<typeof startFakeProviders>>;
beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(() => fake.stop());
afterEach(() => setModelFactory(null));

const JAN = "2026-01";
const at = (hhmm: string) => new Date(`2026-01-15T${hhmm}:00Z`); // 15:00Z is 09:00 in Chicago: not quiet hours

async function household(phone: string) {
  const owner = await makeCaregiver({ firstName: "Sarah" });
  await db.caregiver.update({ where: { id: owner.id }, data: { phoneNumber: phone } });
  const patient = await makePatient(owner);
  return { owner, patient };
}

let dedup = 0;
const alert = (patientId: string, severity: "high" | "critical", now: Date) =>
  raiseAlert(
    db,
    {
      patientId,
      type: severity === "critical" ? "emergency" : "health_concern",
      severity,
      dedupKey: `usage-${++dedup}`,
      title: severity === "critical" ? "Emergency button pressed" : "Dizzy this morning",
      description: "Betty said so.",
      source: "test",
      evidence: { kind: "rule", at: now.toISOString() },
    },
    now,
  );
async function alertSent(patientId: string, severity: "high" | "critical", now: Date) {
  const a = await alert(patientId, severity, now);
  await escalateAlerts(now, { alertId: a.alertId });
  return a.alertId;
}

const usageOf = (who: TestCaregiver, month = JAN) => call(usage.GET, { token: who.token, params: { id: who.organizationId }, path: `/x?month=${month}` });
const segmentsTo = (phone: string) => fake.sms(phone).reduce((n, r) => n + smsSegments(r.form.get("Body")!), 0);

describe("usage per organization and month", () => {
  it("counts SMS segments, call minutes and emails that reached the provider, for the patient's organization", async () => {
    const phone = "+15550003001";
    const { owner, patient } = await household(phone);
    await alertSent(patient.id, "high", at("15:00"));
    const critical = await alertSent(patient.id, "critical", at("15:10"));
    const r = await usageOf(owner);
    expect(r.status).toBe(200);
    expect(fake.sms(phone)).toHaveLength(2);
    expect(r.body).toMatchObject({ organization_id: owner.organizationId, month: JAN, sms_segments: segmentsTo(phone), emails: 2, call_minutes: 1 });
    expect(r.body.sms_segments).toBeGreaterThanOrEqual(2);

    // a 2.5-minute call: Twilio's completed callback adds the two minutes beyond the first, once
    const sid = (await db.notificationAttempt.findFirstOrThrow({ where: { alertId: critical, channel: "voice" } })).providerId!;
    const params = { CallSid: sid, CallStatus: "completed", CallDuration: "150" };
    const path = "/api/v1/webhooks/twilio/status";
    const signed = {
      method: "POST",
      path,
      rawBody: new URLSearchParams(params).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilio.getExpectedTwilioSignature(FAKE_TWILIO_AUTH_TOKEN, `${FAKE_APP_URL}${path}`, params),
      },
    };
    expect((await call(statusHook.POST, signed)).status).toBe(200);
    expect((await call(statusHook.POST, signed)).status).toBe(200); // Twilio retries a callback
    expect((await usageOf(owner)).body.call_minutes).toBe(3);

    // another month, and another organization, saw none of it
    expect((await usageOf(owner, "2025-12")).body).toMatchObject({ sms_segments: 0, emails: 0, call_minutes: 0, active_patients: 0 });
    const other = await makeCaregiver();
    expect((await usageOf(other)).body).toMatchObject({ sms_segments: 0, emails: 0 });
  });

  it("counts a patient once a month however often the phone is heard, and the model's tokens in and out", async () => {
    const { owner, patient } = await household("+15550003002");
    const { credential } = await pairDevice(patient.id);
    const month = new Date().toISOString().slice(0, 7);
    for (let i = 0; i < 3; i++) expect((await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: {} })).status).toBe(200);
    const silent = await makePatient(owner); // no phone: not active
    expect(silent.id).toBeTruthy();
    setModelFactory(
      () =>
        new MockLanguageModelV3({
          doGenerate: async () =>
            ({
              content: [
                {
                  type: "text",
                  text: JSON.stringify(smallTalk({ reply: "How lovely, Betty." })),
                },
              ],
              finishReason: { unified: "stop", raw: "stop" },
              usage: { inputTokens: { total: 120, noCache: 120, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 30, text: 30, reasoning: 0 } },
              warnings: [],
            }) as never,
        }),
    );
    for (let i = 0; i < 2; i++) await call(interact.POST, { token: credential, body: { patient_id: patient.id, message: "The roses are out" } });
    expect((await usageOf(owner, month)).body).toMatchObject({ active_patients: 1, model_tokens_in: 240, model_tokens_out: 60 });
  });

  it("exports the month as CSV for a billing system", async () => {
    const { owner, patient } = await household("+15550003003");
    await alertSent(patient.id, "high", at("15:00"));
    const r = await call(usage.GET, { token: owner.token, params: { id: owner.organizationId }, path: `/x?month=${JAN}&format=csv` });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/csv");
    expect(r.headers.get("content-disposition")).toContain(`elda-usage-${owner.organizationId.slice(0, 8)}-${JAN}.csv`);
    const [header, row] = String(r.body).trim().split("\r\n");
    expect(header).toBe(
      "organization_id,month,active_patients,sms_segments,call_minutes,emails,patient_pushes,caregiver_pushes,model_tokens_in,model_tokens_out,monthly_sms_cap",
    );
    expect(row).toBe(`${owner.organizationId},${JAN},0,${segmentsTo("+15550003003")},0,1,0,0,0,0,`);
  });

  it("is for owners and admins of the whole organization; refusals change nothing", async () => {
    const owner = await makeCaregiver();
    const admin = await makeCaregiver({ organizationId: owner.organizationId, role: "admin" });
    const member = await makeCaregiver({ organizationId: owner.organizationId, role: "member" });
    const facilityAdmin = await makeCaregiver({ organizationId: owner.organizationId, role: "admin" });
    const main = await db.facility.findFirstOrThrow({ where: { organizationId: owner.organizationId } });
    await db.membership.updateMany({ where: { caregiverId: facilityAdmin.id }, data: { facilityIds: [main.id] } });
    expect((await usageOf(admin)).status).toBe(200);
    expect((await call(usage.GET, { token: owner.token, params: { id: owner.organizationId } })).body.month).toBe(new Date().toISOString().slice(0, 7));
    expect((await usageOf(member)).status).toBe(403);
    expect((await usageOf(facilityAdmin)).status).toBe(403);
    const outsider = await makeCaregiver();
    expect((await call(usage.GET, { token: outsider.token, params: { id: owner.organizationId } })).status).toBe(404);
    for (const month of ["2026-13", "2026-1", "January", "2026-01-01"]) {
      const r = await usageOf(owner, month);
      expect(r.status).toBe(422);
      expect(r.body.errors[0].field).toBe("month");
    }
    expect((await call(usage.GET, { token: owner.token, params: { id: owner.organizationId }, path: "/x?format=xml" })).status).toBe(422);
    // a read key reads it
    const key = (await call(apiKeys.POST, { token: owner.token, body: { name: "Billing", scopes: ["read"] } })).body.key;
    expect((await call(usage.GET, { token: key, params: { id: owner.organizationId } })).status).toBe(200);
    expect(await db.organizationUsage.count({ where: { organizationId: owner.organizationId } })).toBe(0);
  });
});

describe("the monthly SMS cap", () => {
  it("tells the owners once at 80%, then sends non-critical messages by email instead of SMS; a critical alert still goes by SMS", async () => {
    const phone = "+15550003101";
    const { owner, patient } = await household(phone);
    // a second owner reads Spanish: her warning is in Spanish
    const ana = await makeCaregiver({ organizationId: owner.organizationId, role: "owner", firstName: "Ana" });
    await db.caregiver.update({ where: { id: ana.id }, data: { language: "es" } });
    // Tom ticked SMS only: past the cap, his messages go by email
    const tom = await makeCaregiver({ organizationId: owner.organizationId, firstName: "Tom" });
    await db.caregiver.update({
      where: { id: tom.id },
      data: { phoneNumber: "+15550003102", preferences: { notifications: { sms: true, email: false, push: false } } },
    });
    await joinCareTeam(patient.id, tom.id, "secondary", 1);
    const set = await call(orgSettings.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: owner.organizationId },
      body: { notifications: { monthly_sms_cap: 2 } },
    });
    expect(set.status).toBe(200);
    expect(set.body.notifications.monthly_sms_cap).toBe(2);

    // one SMS to Tom: 80% of 2 reached, the owners (Sarah) are told
    await alertSent(patient.id, "high", at("15:00"));
    expect(fake.sms("+15550003102")).toHaveLength(1);
    const warnings = () => fake.mailTo(owner.email).filter((m) => /monthly SMS cap/.test(m.raw));
    expect(warnings()).toHaveLength(1);
    const spanish = fake.mailTo(ana.email).map((m) => readMail(m.raw));
    expect(spanish.map((m) => m.subject)).toEqual([expect.stringMatching(/ha usado el \d+\s?% de su límite mensual de SMS$/)]);
    expect(spanish[0].text).toContain("las alertas críticas siguen llegando por SMS");
    // and one to Sarah: the cap is used
    const used = segmentsTo(phone) + segmentsTo("+15550003102");
    expect((await usageOf(owner)).body).toMatchObject({ sms_segments: used, monthly_sms_cap: 2, sms_cap_reached: true });

    // past the cap, a non-critical alert: no SMS; Tom (SMS only) gets an email instead, Sarah her email
    const smsBefore = fake.twilioRequests.length;
    await alertSent(patient.id, "high", at("15:20"));
    expect(fake.twilioRequests.length).toBe(smsBefore);
    expect(fake.mailTo(tom.email)).toHaveLength(1);
    expect((await usageOf(owner)).body.sms_segments).toBe(used);

    // a critical alert is never held back: SMS and a call, to both
    await alertSent(patient.id, "critical", at("15:40"));
    expect(fake.sms(phone)).toHaveLength(2);
    expect(fake.sms("+15550003102")).toHaveLength(2);
    expect(fake.calls(phone)).toHaveLength(1);
    expect(warnings()).toHaveLength(1); // once a month
    const audit = await db.auditEvent.findMany({ where: { organizationId: owner.organizationId, action: "organization.sms_cap_warning" } });
    expect(audit).toHaveLength(1);
  });

  it("accepts no cap (null) and refuses a cap that is not a positive whole number", async () => {
    const owner = await makeCaregiver();
    const patch = (v: unknown) =>
      call(orgSettings.PATCH, { method: "PATCH", token: owner.token, params: { id: owner.organizationId }, body: { notifications: { monthly_sms_cap: v } } });
    expect((await patch(500)).body.notifications.monthly_sms_cap).toBe(500);
    expect((await patch(null)).body.notifications.monthly_sms_cap).toBeNull();
    for (const bad of [0, -5, 2.5, "100"]) expect((await patch(bad)).status).toBe(422);
    expect((await call(orgSettings.GET, { token: owner.token, params: { id: owner.organizationId } })).body.notifications.monthly_sms_cap).toBeNull();
  });
});
