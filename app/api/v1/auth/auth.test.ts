import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, TEST_PASSWORD } from "@/lib/testing/factories";
import * as auditVerify from "../organizations/[id]/audit-events/verify/route";
import * as register from "./register/route";
import * as login from "./login/route";
import * as refresh from "./refresh/route";
import * as logout from "./logout/route";
import * as me from "./me/route";
import * as prefs from "./me/preferences/route";
import * as changePassword from "./change-password/route";
import * as apiKeys from "./api-keys/route";
import * as apiKey from "./api-keys/[id]/route";
import * as rotate from "./api-keys/[id]/rotate/route";
import * as patients from "../patients/route";
import * as pushSubscriptions from "./me/push-subscriptions/route";
import * as pushSubscription from "./me/push-subscriptions/[id]/route";
import * as pushSubscriptionTest from "./me/push-subscriptions/[id]/test/route";
import { createECDH, randomBytes } from "node:crypto";
import * as monitoringPause from "../patients/[id]/monitoring-pause/route";
import * as facilities from "../organizations/[id]/facilities/route";
import * as facility from "../organizations/[id]/facilities/[facilityId]/route";
import * as invitations from "../organizations/[id]/invitations/route";
import * as invitationRevoke from "../invitations/[id]/revoke/route";
import * as usage from "../organizations/[id]/usage/route";
import * as organizations from "../organizations/route";
import * as orgTransfers from "../organizations/[id]/transfers/route";
import * as patientTransfers from "../patients/[id]/transfers/route";
import * as invitationResend from "../invitations/[id]/resend/route";
import * as spokeWith from "../patients/[id]/spoke-with/route";
import * as orgMember from "../organizations/[id]/members/[caregiverId]/route";

const uniqueEmail = () => `sarah-${crypto.randomUUID()}@example.test`;
const strong = "violet-Lantern-river-42";

const randomIp = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function signUp(email = uniqueEmail()) {
  const r = await call(register.POST, {
    body: { email, password: strong, first_name: "Sarah", last_name: "Miller", timezone: "America/Chicago" },
    headers: { "x-forwarded-for": randomIp() },
  });
  expect(r.status).toBe(201);
  return { email, caregiver: r.body };
}

async function signIn(email: string, password = strong, ip = "10.0.0.1") {
  return call(login.POST, { body: { email, password }, headers: { "x-forwarded-for": ip } });
}

describe("sign-up", () => {
  it("creates a caregiver who owns a new organization", async () => {
    const { email, caregiver } = await signUp();
    expect(caregiver.email).toBe(email);
    expect(caregiver.organizations).toHaveLength(1);
    expect(caregiver.organizations[0].role).toBe("owner");
    expect(caregiver.preferences.alert_threshold).toBe("medium");
    expect(caregiver).not.toHaveProperty("password_hash");
  });

  it("refuses a second account with the same email, in any letter case", async () => {
    const { email } = await signUp();
    const r = await call(register.POST, { body: { email: email.toUpperCase(), password: strong, first_name: "A", last_name: "B" } });
    expect(r.status).toBe(409);
    expect(r.headers.get("content-type")).toContain("application/problem+json");
    expect(r.body.instance).toBe(r.headers.get("x-request-id"));
  });

  it.each([
    ["short", "short-pw1", "at least 12"],
    ["common", "password1234", "too common"],
    ["contains the name", "sarahsarah-xyz-9", "name or email"],
  ])("refuses a %s password with a field error and creates nothing", async (_, password, message) => {
    const email = uniqueEmail();
    const r = await call(register.POST, { body: { email, password, first_name: "Sarah", last_name: "Miller" } });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ field: "password", message: expect.stringContaining(message) }]);
    expect(await db.caregiver.count({ where: { email } })).toBe(0);
  });

  it("refuses unknown fields, wrong types, missing fields, bad phone numbers and time zones", async () => {
    const r = await call(register.POST, {
      body: { email: "not-an-email", password: 12, first_name: "", phone_number: "555-0123", timezone: "Mars/Olympus", role: "admin" },
    });
    expect(r.status).toBe(422);
    const fields = r.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(["email", "first_name", "last_name", "password", "phone_number", "role", "timezone"]);
  });

  it("limits sign-ups per address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await call(register.POST, {
        body: { email: uniqueEmail(), password: strong, first_name: "S", last_name: "M" },
        headers: { "x-forwarded-for": "10.77.0.1" },
      });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("refuses non-JSON (415), malformed JSON (422) and oversized bodies (413)", async () => {
    const form = await call(register.POST, { rawBody: "email=a", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    const broken = await call(register.POST, { rawBody: "{nope", headers: { "content-type": "application/json" } });
    expect(broken.status).toBe(422);
    const huge = await call(register.POST, { rawBody: JSON.stringify({ email: "x".repeat(2_000_000) }), headers: { "content-type": "application/json" } });
    expect(huge.status).toBe(413);
  });
});

describe("sign-in, tokens and sessions", () => {
  it("issues access and refresh tokens that reach the API", async () => {
    const { email } = await signUp();
    const r = await signIn(email);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: "Bearer", expires_in: 900, caregiver: { email } });
    const mine = await call(me.GET, { token: r.body.access_token });
    expect(mine.status).toBe(200);
    expect(mine.body.email).toBe(email);
  });

  it("answers the same for a wrong password and an unknown email", async () => {
    const { email } = await signUp();
    const wrong = await signIn(email, "wrong-password-123", "10.1.0.1");
    const unknown = await signIn(uniqueEmail(), "wrong-password-123", "10.1.0.2");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it("slows down and then locks an account after repeated failures, even with the right password", async () => {
    const { email } = await signUp();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(email, "wrong-password-123", `10.2.0.${i}`)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    const locked = await signIn(email, strong, "10.2.1.1");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(locked.body.detail).toMatch(/Too many failed sign-in attempts/);
    const audit = await db.auditEvent.count({ where: { action: "auth.login_failed", targetType: "caregiver" } });
    expect(audit).toBeGreaterThan(0);
  });

  it("rotates refresh tokens and revokes the session when a used one comes back", async () => {
    const { email } = await signUp();
    const first = (await signIn(email, strong, "10.3.0.1")).body;
    const second = await call(refresh.POST, { body: { refresh_token: first.refresh_token } });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect((await call(me.GET, { token: second.body.access_token })).status).toBe(200);
    // the old token again: theft suspected, the whole family is revoked
    const reuse = await call(refresh.POST, { body: { refresh_token: first.refresh_token } });
    expect(reuse.status).toBe(401);
    expect((await call(me.GET, { token: second.body.access_token })).status).toBe(401);
    expect((await call(refresh.POST, { body: { refresh_token: second.body.refresh_token } })).status).toBe(401);
  });

  it("refuses garbage, expired-looking and missing credentials", async () => {
    expect((await call(me.GET)).status).toBe(401);
    const bad = await call(me.GET, { token: "eyJhbGciOiJIUzI1NiJ9.e30.bad" });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toContain("Bearer");
    expect((await call(me.GET, { headers: { authorization: "Basic abc" } })).status).toBe(401);
    expect((await call(refresh.POST, { body: { refresh_token: "elda_rt_nope" } })).status).toBe(401);
  });

  it("signs out one session, or every session", async () => {
    const { email } = await signUp();
    const a = (await signIn(email, strong, "10.4.0.1")).body;
    const b = (await signIn(email, strong, "10.4.0.2")).body;
    expect((await call(logout.POST, { token: a.access_token, body: {} })).status).toBe(200);
    expect((await call(me.GET, { token: a.access_token })).status).toBe(401);
    expect((await call(me.GET, { token: b.access_token })).status).toBe(200);
    const c = (await signIn(email, strong, "10.4.0.3")).body;
    expect((await call(logout.POST, { token: c.access_token, body: { all_sessions: true } })).body.sessions_ended).toBe(2);
    expect((await call(me.GET, { token: b.access_token })).status).toBe(401);
  });

  it("loses access at the next request when the account is disabled", async () => {
    const cg = await makeCaregiver();
    expect((await call(me.GET, { token: cg.token })).status).toBe(200);
    await db.caregiver.update({ where: { id: cg.id }, data: { isActive: false } });
    expect((await call(me.GET, { token: cg.token })).status).toBe(401);
  });
});

describe("profile and password", () => {
  it("updates phone number and time zone, validating both", async () => {
    const cg = await makeCaregiver();
    const ok = await call(me.PATCH, { method: "PATCH", token: cg.token, body: { phone_number: "+15550000001", timezone: "Europe/London" } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ phone_number: "+15550000001", timezone: "Europe/London" });
    const bad = await call(me.PATCH, { method: "PATCH", token: cg.token, body: { phone_number: "12345", email: "new@x.test" } });
    expect(bad.status).toBe(422);
    expect((await call(me.GET, { token: cg.token })).body.timezone).toBe("Europe/London");
  });

  it("changes the password only with the current one, and ends the other sessions", async () => {
    const cg = await makeCaregiver();
    const other = await signIn(cg.email, TEST_PASSWORD, "10.5.0.1");
    expect(other.status).toBe(200);
    const wrong = await call(changePassword.POST, { token: cg.token, body: { current_password: "nope-nope-nope", new_password: "a-Brand-new-secret-9" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].field).toBe("current_password");
    const weak = await call(changePassword.POST, { token: cg.token, body: { current_password: TEST_PASSWORD, new_password: "qwerty123456" } });
    expect(weak.status).toBe(422);
    const ok = await call(changePassword.POST, { token: cg.token, body: { current_password: TEST_PASSWORD, new_password: "a-Brand-new-secret-9" } });
    expect(ok.status).toBe(200);
    expect(ok.body.other_sessions_ended).toBe(1);
    expect((await call(me.GET, { token: cg.token })).status).toBe(200);
    expect((await call(me.GET, { token: other.body.access_token })).status).toBe(401);
    expect((await signIn(cg.email, "a-Brand-new-secret-9", "10.5.0.2")).status).toBe(200);
  });
});

describe("preferences", () => {
  it("returns the defaults, then merges a partial update field by field", async () => {
    const cg = await makeCaregiver();
    const initial = await call(prefs.GET, { token: cg.token });
    expect(initial.body).toEqual({
      notifications: { email: true, sms: true, push: false },
      alert_threshold: "medium",
      quiet_hours: { enabled: true, start: "22:00", end: "07:00" },
      daily_summary_time: "20:00",
    });
    const r = await call(prefs.PATCH, { method: "PATCH", token: cg.token, body: { quiet_hours: { start: "23:30" }, notifications: { push: true } } });
    expect(r.status).toBe(200);
    expect(r.body.quiet_hours).toEqual({ enabled: true, start: "23:30", end: "07:00" });
    expect(r.body.notifications).toEqual({ email: true, sms: true, push: true });
    expect((await call(prefs.GET, { token: cg.token })).body).toEqual(r.body);
  });

  it("refuses unknown keys, bad times and bad thresholds, changing nothing", async () => {
    const cg = await makeCaregiver();
    for (const body of [
      { theme: "dark" },
      { quiet_hours: { start: "25:00" } },
      { alert_threshold: "urgent" },
      { notifications: { fax: true } },
      { daily_summary_time: "8pm" },
    ]) {
      const r = await call(prefs.PATCH, { method: "PATCH", token: cg.token, body });
      expect(r.status, JSON.stringify(body)).toBe(422);
    }
    expect((await call(prefs.GET, { token: cg.token })).body.quiet_hours.start).toBe("22:00");
  });
});

describe("personal API keys", () => {
  it("shows the secret once, stores only its hash, works as a credential, and can be revoked", async () => {
    const cg = await makeCaregiver();
    const created = await call(apiKeys.POST, { token: cg.token, body: { name: "Home automation" } });
    expect(created.status).toBe(201);
    const secret: string = created.body.key;
    expect(secret).toMatch(/^elda_key_/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.keyHash).not.toContain(secret);
    const list = await call(apiKeys.GET, { token: cg.token });
    expect(list.body.items[0]).not.toHaveProperty("key");
    expect((await call(patients.GET, { token: secret, path: "/api/v1/patients" })).status).toBe(200);
    // a key cannot mint keys
    expect((await call(apiKeys.POST, { token: secret, body: { name: "x" } })).status).toBe(403);
    const revoked = await call(apiKey.DELETE, { method: "DELETE", token: cg.token, params: { id: created.body.id } });
    expect(revoked.status).toBe(200);
    expect((await call(patients.GET, { token: secret, path: "/api/v1/patients" })).status).toBe(401);
  });

  it("read-only keys cannot write", async () => {
    const cg = await makeCaregiver();
    const key = (await call(apiKeys.POST, { token: cg.token, body: { name: "Reports", scopes: ["read"] } })).body.key;
    expect((await call(patients.GET, { token: key, path: "/api/v1/patients" })).status).toBe(200);
    const w = await call(patients.POST, { token: key, body: { first_name: "A", last_name: "B", date_of_birth: "1940-01-01" } });
    expect(w.status).toBe(403);
    // monitoring: a read key sees whether it is paused, but cannot pause, resume, or record a call
    const p = await makePatient(cg);
    expect((await call(monitoringPause.GET, { token: key, params: { id: p.id } })).status).toBe(200);
    expect(
      (await call(monitoringPause.POST, { token: key, params: { id: p.id }, body: { until: new Date(Date.now() + 86_400_000).toISOString() } })).status,
    ).toBe(403);
    expect((await call(monitoringPause.DELETE, { method: "DELETE", token: key, params: { id: p.id } })).status).toBe(403);
    expect((await call(spokeWith.POST, { token: key, params: { id: p.id }, body: {} })).status).toBe(403);
    const full = (await call(apiKeys.POST, { token: cg.token, body: { name: "Family app", scopes: ["read", "write"] } })).body.key;
    expect(
      (await call(monitoringPause.POST, { token: full, params: { id: p.id }, body: { until: new Date(Date.now() + 86_400_000).toISOString() } })).status,
    ).toBe(200);
    expect((await call(spokeWith.POST, { token: full, params: { id: p.id }, body: {} })).status).toBe(201);
    // verifying the audit chain is a read: a read key may, a write-only key may not
    expect((await call(auditVerify.GET, { token: key, params: { id: cg.organizationId } })).status).toBe(200);
    const writeOnly = (await call(apiKeys.POST, { token: cg.token, body: { name: "Writer", scopes: ["write"] } })).body.key;
    expect((await call(auditVerify.GET, { token: writeOnly, params: { id: cg.organizationId } })).status).toBe(403);
    // facilities: a read key lists them but cannot create, change or delete one
    const org = { id: cg.organizationId };
    const main = (await call(facilities.GET, { token: key, params: org })).body.items[0].id;
    expect((await call(facilities.POST, { token: key, params: org, body: { name: "East" } })).status).toBe(403);
    expect((await call(facility.PATCH, { method: "PATCH", token: key, params: { ...org, facilityId: main }, body: { name: "X" } })).status).toBe(403);
    expect((await call(facility.DELETE, { method: "DELETE", token: key, params: { ...org, facilityId: main } })).status).toBe(403);
    expect((await call(facilities.POST, { token: full, params: org, body: { name: "East" } })).status).toBe(201);
    // invitations: a read key lists them but cannot invite, revoke or resend
    const inv = (await call(invitations.POST, { token: full, params: org, body: { email: "scope-invitee@example.test" } })).body;
    expect((await call(invitations.GET, { token: key, params: org })).status).toBe(200);
    expect((await call(invitations.POST, { token: key, params: org, body: { email: "other@example.test" } })).status).toBe(403);
    expect((await call(invitationRevoke.POST, { token: key, params: { id: inv.id } })).status).toBe(403);
    expect((await call(invitationResend.POST, { token: key, params: { id: inv.id } })).status).toBe(403);
    // creating an organization is a write
    expect((await call(organizations.POST, { token: key, body: { name: "Keyed" } })).status).toBe(403);
    expect((await call(organizations.POST, { token: full, body: { name: "Keyed" } })).status).toBe(201);
    // transfers: a read key lists them but cannot ask for one
    expect((await call(orgTransfers.GET, { token: key, params: org })).status).toBe(200);
    expect((await call(patientTransfers.POST, { token: key, params: { id: p.id }, body: { to_organization_id: cg.organizationId } })).status).toBe(403);
    // usage is a read: a read key may, a write-only key may not
    expect((await call(usage.GET, { token: key, params: org })).status).toBe(200);
    expect((await call(usage.GET, { token: writeOnly, params: org })).status).toBe(403);
  });

  it("a read-only key cannot touch the caregiver's own account: phone, notifications, memberships, sessions (the probe's High finding)", async () => {
    const cg = await makeCaregiver();
    const key = (await call(apiKeys.POST, { token: cg.token, body: { name: "Reports", scopes: ["read"] } })).body.key;
    const before = await db.caregiver.findUniqueOrThrow({ where: { id: cg.id } });
    const attempts = [
      await call(me.PATCH, { method: "PATCH", token: key, body: { phone_number: "+15550001111" } }),
      await call(prefs.PATCH, { method: "PATCH", token: key, body: { notifications: { sms: false, email: false, push: false }, alert_threshold: "critical" } }),
      await call(orgMember.DELETE, { method: "DELETE", token: key, params: { id: cg.organizationId, caregiverId: cg.id } }),
      await call(logout.POST, { token: key, body: { all_sessions: true } }),
      await call(changePassword.POST, { token: key, body: { current_password: TEST_PASSWORD, new_password: "a brand new passphrase 42" } }),
    ];
    expect(attempts.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await db.caregiver.findUniqueOrThrow({ where: { id: cg.id } })).toEqual(before);
    expect(await db.membership.count({ where: { caregiverId: cg.id } })).toBe(1);
    expect((await call(me.GET, { token: cg.token })).status).toBe(200);
  });

  it("push subscriptions: a read-only key lists them but cannot subscribe, unsubscribe or send a test; a write-only key can do those but not list", async () => {
    const cg = await makeCaregiver();
    const readKey = (await call(apiKeys.POST, { token: cg.token, body: { name: "Read", scopes: ["read"] } })).body.key;
    const writeKey = (await call(apiKeys.POST, { token: cg.token, body: { name: "Write", scopes: ["write"] } })).body.key;
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const body = {
      endpoint: `https://fcm.googleapis.com/fcm/send/scope-${crypto.randomUUID()}`,
      keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") },
    };
    expect((await call(pushSubscriptions.POST, { token: readKey, body })).status).toBe(403);
    const made = await call(pushSubscriptions.POST, { token: writeKey, body });
    expect(made.status).toBe(201);
    expect((await call(pushSubscriptions.GET, { token: readKey })).body.items).toHaveLength(1);
    expect((await call(pushSubscriptions.GET, { token: writeKey })).status).toBe(403);
    expect((await call(pushSubscriptionTest.POST, { token: readKey, params: { id: made.body.id } })).status).toBe(403);
    expect((await call(pushSubscription.DELETE, { method: "DELETE", token: readKey, params: { id: made.body.id } })).status).toBe(403);
    expect(await db.notificationAttempt.count({ where: { caregiverId: cg.id } })).toBe(0);
    expect((await call(pushSubscriptionTest.POST, { token: writeKey, params: { id: made.body.id } })).body.status).toBe("simulated");
    expect((await call(pushSubscription.DELETE, { method: "DELETE", token: writeKey, params: { id: made.body.id } })).status).toBe(200);
  });

  it("rotates with an overlap: both keys work until the old one expires", async () => {
    const cg = await makeCaregiver();
    const old = (await call(apiKeys.POST, { token: cg.token, body: { name: "Sync" } })).body;
    const next = await call(rotate.POST, { token: cg.token, params: { id: old.id }, body: { overlap_hours: 1 } });
    expect(next.status).toBe(201);
    expect(next.body.key).not.toBe(old.key);
    expect((await call(patients.GET, { token: old.key, path: "/api/v1/patients" })).status).toBe(200);
    expect((await call(patients.GET, { token: next.body.key, path: "/api/v1/patients" })).status).toBe(200);
    await db.apiKey.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(patients.GET, { token: old.key, path: "/api/v1/patients" })).status).toBe(401);
  });

  it("one caregiver cannot revoke another's key", async () => {
    const a = await makeCaregiver();
    const b = await makeCaregiver();
    const key = (await call(apiKeys.POST, { token: a.token, body: { name: "A's" } })).body;
    expect((await call(apiKey.DELETE, { method: "DELETE", token: b.token, params: { id: key.id } })).status).toBe(404);
  });
});
