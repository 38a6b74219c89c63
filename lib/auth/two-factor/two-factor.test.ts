import { execFile } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { makeCaregiver, TEST_PASSWORD, type TestCaregiver } from "@/lib/testing/factories";
import * as login from "@/app/api/v1/auth/login/route";
import * as apiKeys from "@/app/api/v1/auth/api-keys/route";
import * as resetRoute from "@/app/api/v1/organizations/[id]/members/[caregiverId]/reset-two-factor/route";
import { authenticateCaregiver, authenticateWithChallenge } from "@/lib/caregivers/authenticate-caregiver";
import { updateOrganizationSettings } from "@/lib/orgs/settings";
import { confirmEnrolment, disableTwoFactor, startEnrolment, twoFactorStatus } from "./enrolment";
import { operatorResetTwoFactor, resetMemberTwoFactor } from "./reset";
import { totpCodeAt } from "./totp";
import { deviceIsRemembered, rememberDeviceToken, REMEMBER_DEVICE_DAYS } from "./remembered-device";
import { signChallenge } from "./challenge";

const randomIp = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const DAY = 24 * 60 * 60 * 1000;

afterEach(() => clock.set(null));

/** A caregiver with two-factor on: returns the secret their app holds and the recovery codes shown once. */
async function enrolled(c?: TestCaregiver) {
  const cg = c ?? (await makeCaregiver());
  const { secret, uri } = await startEnrolment(cg.actor);
  expect(uri).toMatch(/^otpauth:\/\/totp\/Elda:/);
  const { recoveryCodes } = await confirmEnrolment(cg.actor, totpCodeAt(secret, new Date()), new Date());
  return { cg, secret, recoveryCodes };
}

const apiLogin = (email: string, extra: Record<string, string> = {}, ip = randomIp()) =>
  call(login.POST, { body: { email, password: TEST_PASSWORD, ...extra }, headers: { "x-forwarded-for": ip } });

const auditCount = (action: string, targetId: string) => db.auditEvent.count({ where: { action, targetId } });

describe("enrolment", () => {
  it("turns on only with a right code, stores the secret sealed, and shows ten recovery codes once", async () => {
    const cg = await makeCaregiver();
    const { secret } = await startEnrolment(cg.actor);
    await expect(confirmEnrolment(cg.actor, "000000", new Date())).rejects.toMatchObject({ status: 422 });
    expect((await twoFactorStatus(cg.actor)).enabled).toBe(false);
    // the pending secret is the same on a second look (a reload of the set-up page)
    expect((await startEnrolment(cg.actor)).secret).toBe(secret);

    const { recoveryCodes } = await confirmEnrolment(cg.actor, totpCodeAt(secret, new Date()), new Date());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const row = await db.caregiver.findUniqueOrThrow({ where: { id: cg.id } });
    expect(row.totpSecret).not.toContain(secret);
    const stored = await db.recoveryCode.findMany({ where: { caregiverId: cg.id } });
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);
    expect(await twoFactorStatus(cg.actor)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // once on, the secret is never shown again
    await expect(startEnrolment(cg.actor)).rejects.toMatchObject({ status: 409 });
    expect(await auditCount("auth.two_factor_enabled", cg.id)).toBe(1);
  });
});

describe("API login with two-factor on", () => {
  it("asks for the code with a clear problem, refuses a wrong one, and accepts the right one once", async () => {
    const { cg, secret } = await enrolled();
    const without = await apiLogin(cg.email);
    expect(without.status).toBe(401);
    expect(without.headers.get("content-type")).toContain("application/problem+json");
    expect(without.body).toMatchObject({ code: "two_factor_required", detail: expect.stringContaining("totp_code") });

    const wrong = await apiLogin(cg.email, { totp_code: "123456" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe("two_factor_invalid");
    expect(await db.auditEvent.count({ where: { action: "auth.login_failed", targetId: cg.id, metadata: { path: ["reason"], equals: "wrong_code" } } })).toBe(
      1,
    );

    const code = totpCodeAt(secret, new Date(Date.now() + 30_000));
    const ok = await apiLogin(cg.email, { totp_code: code });
    expect(ok.status).toBe(200);
    expect(ok.body.access_token).toBeTruthy();
    // the same code again (seen over a shoulder): refused
    const replay = await apiLogin(cg.email, { totp_code: code });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe("two_factor_invalid");
  });

  it("accepts a recovery code once, audits it, and refuses it the second time", async () => {
    const { cg, recoveryCodes } = await enrolled();
    const first = await apiLogin(cg.email, { recovery_code: recoveryCodes[3].toLowerCase() });
    expect(first.status).toBe(200);
    const again = await apiLogin(cg.email, { recovery_code: recoveryCodes[3] });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe("two_factor_invalid");
    expect(await auditCount("auth.recovery_code_used", cg.id)).toBe(1);
    expect((await twoFactorStatus(cg.actor)).recoveryCodesLeft).toBe(9);
  });

  it("refuses both kinds of code at once, and a malformed TOTP code, as validation errors", async () => {
    const { cg, recoveryCodes } = await enrolled();
    const both = await apiLogin(cg.email, { totp_code: "123456", recovery_code: recoveryCodes[0] });
    expect(both.status).toBe(422);
    const shape = await apiLogin(cg.email, { totp_code: "12ab" });
    expect(shape.status).toBe(422);
    expect(shape.body.errors).toEqual([{ field: "totp_code", message: expect.any(String) }]);
  });

  it("counts wrong codes toward the password step's lockout: locked even with the right code", async () => {
    const { cg, secret } = await enrolled();
    for (let i = 0; i < 10; i++) {
      clock.set(new Date(Date.now() + i * 70_000));
      const r = await apiLogin(cg.email, { totp_code: "000000" });
      if (r.status === 429) break;
    }
    clock.set(null);
    const locked = await apiLogin(cg.email, { totp_code: totpCodeAt(secret, new Date()) });
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/Too many failed sign-in attempts/);
  });

  it("refuses a member without two-factor when an organization requires it; the strictest organization wins", async () => {
    const owner = await makeCaregiver();
    const member = await makeCaregiver();
    await db.membership.create({ data: { organizationId: owner.organizationId, caregiverId: member.id, role: "member" } });
    expect((await apiLogin(member.email)).status).toBe(200);
    // the member's own organization leaves it optional; the other requires it
    await updateOrganizationSettings(owner.actor, owner.organizationId, { security: { two_factor: "required" } });
    const r = await apiLogin(member.email);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe("two_factor_enrolment_required");
    // once enrolled, the code is enough
    const { secret } = await enrolled(member);
    expect((await apiLogin(member.email, { totp_code: totpCodeAt(secret, new Date(Date.now() + 30_000)) })).status).toBe(200);
  });
});

describe("the dashboard's code step and remembered devices", () => {
  const client = () => ({ ip: randomIp() });

  it("asks the dashboard for a code, then takes a challenge and a code; an expired or forged challenge is refused", async () => {
    const { cg, secret } = await enrolled();
    await expect(authenticateCaregiver(cg.email, TEST_PASSWORD, "web", client(), new Date())).rejects.toMatchObject({ extra: { code: "two_factor_required" } });
    const now = new Date();
    const challenge = await signChallenge(cg.id, now);
    await expect(authenticateWithChallenge(challenge, "111111", client(), now)).rejects.toMatchObject({ status: 401 });
    await expect(authenticateWithChallenge(challenge + "x", totpCodeAt(secret, now), client(), now)).rejects.toMatchObject({
      message: expect.stringContaining("took too long"),
    });
    const later = new Date(now.getTime() + 6 * 60_000);
    await expect(authenticateWithChallenge(challenge, totpCodeAt(secret, later), client(), later)).rejects.toMatchObject({
      message: expect.stringContaining("took too long"),
    });
    const { session } = await authenticateWithChallenge(challenge, totpCodeAt(secret, new Date(now.getTime() + 30_000)), client(), now);
    expect(session.kind).toBe("web");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.login", targetId: session.id } });
    expect(audit.metadata).toMatchObject({ second_factor: "totp" });
  });

  it("skips the code on a remembered device for 30 days, and not after: expired, another caregiver's, or after a reset", async () => {
    const { cg, secret } = await enrolled();
    const now = new Date();
    const sealed = (await db.caregiver.findUniqueOrThrow({ where: { id: cg.id } })).totpSecret!;
    const token = rememberDeviceToken(cg.id, sealed, now);
    const { session } = await authenticateCaregiver(cg.email, TEST_PASSWORD, "web", client(), now, { rememberedDevice: token.value });
    expect(session.id).toBeTruthy();
    // the API never takes the cookie
    await expect(authenticateCaregiver(cg.email, TEST_PASSWORD, "api", client(), now, { rememberedDevice: token.value })).rejects.toMatchObject({
      extra: { code: "two_factor_required" },
    });
    const expired = new Date(now.getTime() + REMEMBER_DEVICE_DAYS * DAY + 1000);
    expect(deviceIsRemembered(token.value, cg.id, sealed, expired)).toBe(false);
    await expect(authenticateCaregiver(cg.email, TEST_PASSWORD, "web", client(), expired, { rememberedDevice: token.value })).rejects.toMatchObject({
      extra: { code: "two_factor_required" },
    });
    const other = await enrolled();
    const otherSealed = (await db.caregiver.findUniqueOrThrow({ where: { id: other.cg.id } })).totpSecret!;
    expect(deviceIsRemembered(token.value, other.cg.id, otherSealed, now)).toBe(false);
    const tampered = token.value.slice(0, -1) + (token.value.endsWith("A") ? "B" : "A");
    expect(deviceIsRemembered(tampered, cg.id, sealed, now)).toBe(false);
    const [, , mac] = token.value.split(".");
    expect(deviceIsRemembered(`${cg.id}.${Date.now() + 400 * DAY}.${mac}`, cg.id, sealed, now)).toBe(false);
    // turning two-factor off and on again (a new secret) forgets every remembered device
    await disableTwoFactor(cg.actor, { password: TEST_PASSWORD, code: totpCodeAt(secret, new Date(now.getTime() + 30_000)) }, now);
    await enrolled(cg);
    const resealed = (await db.caregiver.findUniqueOrThrow({ where: { id: cg.id } })).totpSecret!;
    expect(deviceIsRemembered(token.value, cg.id, resealed, now)).toBe(false);
  });
});

describe("turning it off and resetting it", () => {
  it("needs the password and a current code; wrong ones change nothing", async () => {
    const { cg, secret } = await enrolled();
    const now = new Date();
    await expect(disableTwoFactor(cg.actor, { password: "wrong-password-123", code: totpCodeAt(secret, now) }, now)).rejects.toMatchObject({
      status: 422,
      extra: { errors: [{ field: "password", message: expect.any(String) }] },
    });
    await expect(disableTwoFactor(cg.actor, { password: TEST_PASSWORD, code: "123456" }, now)).rejects.toMatchObject({
      status: 422,
      extra: { errors: [{ field: "code", message: expect.any(String) }] },
    });
    expect((await twoFactorStatus(cg.actor)).enabled).toBe(true);
    await disableTwoFactor(cg.actor, { password: TEST_PASSWORD, code: totpCodeAt(secret, new Date(now.getTime() + 30_000)) }, now);
    expect(await twoFactorStatus(cg.actor)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await db.recoveryCode.count({ where: { caregiverId: cg.id } })).toBe(0);
    expect(await auditCount("auth.two_factor_disabled", cg.id)).toBe(1);
    expect((await apiLogin(cg.email)).status).toBe(200);
  });

  it("lets an owner or admin reset a member's, audited; an admin not an owner's; nobody their own or outside the organization", async () => {
    const owner = await makeCaregiver();
    const admin = await makeCaregiver({ organizationId: owner.organizationId, role: "admin" });
    const member = await makeCaregiver({ organizationId: owner.organizationId, role: "member" });
    const outsider = await makeCaregiver();
    await enrolled(member);
    await enrolled(owner);
    await expect(resetMemberTwoFactor(member.actor, owner.organizationId, owner.id)).rejects.toMatchObject({ status: 403 });
    await expect(resetMemberTwoFactor(admin.actor, owner.organizationId, owner.id)).rejects.toMatchObject({ status: 403 });
    await expect(resetMemberTwoFactor(owner.actor, owner.organizationId, owner.id)).rejects.toMatchObject({ status: 400 });
    await expect(resetMemberTwoFactor(owner.actor, owner.organizationId, outsider.id)).rejects.toMatchObject({ status: 404 });
    await expect(resetMemberTwoFactor(outsider.actor, owner.organizationId, member.id)).rejects.toMatchObject({ status: 404 });
    expect((await twoFactorStatus(owner.actor)).enabled).toBe(true);

    await resetMemberTwoFactor(admin.actor, owner.organizationId, member.id);
    expect((await twoFactorStatus(member.actor)).enabled).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "auth.two_factor_reset", targetId: member.id, organizationId: owner.organizationId } })).toBe(1);
  });

  it("is on the API for owners and admins, with a key only when it has the write scope", async () => {
    const owner = await makeCaregiver();
    const member = await makeCaregiver({ organizationId: owner.organizationId, role: "member" });
    await enrolled(member);
    const reset = (token: string) => call(resetRoute.POST, { token, params: { id: owner.organizationId, caregiverId: member.id } });
    const readKey = (await call(apiKeys.POST, { token: owner.token, body: { name: "Reports", scopes: ["read"] } })).body.key;
    expect((await reset(readKey)).status).toBe(403);
    expect((await reset(member.token)).status).toBe(403);
    expect((await call(resetRoute.POST, { token: owner.token, params: { id: owner.organizationId, caregiverId: "not-a-uuid" } })).status).toBe(422);
    expect((await twoFactorStatus(member.actor)).enabled).toBe(true);
    const ok = await reset(owner.token);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ caregiver_id: member.id, two_factor_enabled: false });
    expect((await twoFactorStatus(member.actor)).enabled).toBe(false);
  });

  it("lets the operator reset a locked-out sole owner's, audited", async () => {
    const { cg } = await enrolled();
    await expect(operatorResetTwoFactor("nobody@example.test", "ticket 1")).rejects.toMatchObject({ status: 404 });
    expect(await operatorResetTwoFactor(cg.email.toUpperCase(), "ticket 42")).toEqual({ caregiverId: cg.id, wasEnabled: true });
    expect((await twoFactorStatus(cg.actor)).enabled).toBe(false);
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.two_factor_reset", targetId: cg.id } });
    expect(row.actorType).toBe("system");
    expect(row.metadata).toMatchObject({ by: "operator", reason: "ticket 42" });
  });

  it("is what `npm run auth:reset-two-factor` does, and the script refuses to run without a reason", async () => {
    const { cg } = await enrolled();
    const run = (...args: string[]) =>
      new Promise<{ code: number; out: string; err: string }>((resolve) =>
        execFile(
          path.resolve("node_modules/.bin/tsx"),
          ["--conditions=react-server", "scripts/reset-two-factor.ts", ...args],
          { cwd: path.resolve("."), env: process.env },
          (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
        ),
      );
    expect((await run("--email", cg.email)).code).toBe(2);
    expect((await twoFactorStatus(cg.actor)).enabled).toBe(true);
    const done = await run("--email", cg.email, "--reason", "ticket 7: lost phone, identity checked by call-back");
    expect(done.code, done.err).toBe(0);
    expect(JSON.parse(done.out)).toEqual({ caregiver_id: cg.id, two_factor_was_enabled: true, reset: true });
    expect((await twoFactorStatus(cg.actor)).enabled).toBe(false);
    expect((await run("--email", "nobody@example.test", "--reason", "x")).code).toBe(1);
  });
});
