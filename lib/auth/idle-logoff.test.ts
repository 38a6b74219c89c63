import { afterEach, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { config } from "@/lib/config";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, type TestCaregiver } from "@/lib/testing/factories";
import { updateOrganizationSettings } from "@/lib/orgs/settings";
import * as overview from "@/app/api/v1/overview/route";
import * as me from "@/app/api/v1/auth/me/route";
import { createSession, recordSessionActivity, sessionState } from "./sessions";

const MIN = 60_000;
const T0 = new Date("2026-12-01T15:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN);

afterEach(() => clock.set(null));

/** A dashboard (web) session for the caregiver, opened at T0, and its cookie. */
async function dashboardSession(cg: TestCaregiver) {
  const session = await createSession(db, cg.id, "web", {}, T0);
  const name = "authjs.session-token";
  const token = await encode({ token: { sub: cg.id, sid: session.id }, secret: config().authSecret, salt: name });
  return { sessionId: session.id, cookie: `${name}=${token}` };
}

/** What the home page's polling does: a cookie-authenticated API read. */
const poll = (cookie: string, minutes: number) => {
  clock.set(at(minutes));
  return call(overview.GET, { path: "/api/v1/overview", headers: { cookie } });
};

describe("idle logoff of dashboard sessions", () => {
  it("ends a dashboard session after 15 idle minutes by default; polling is not activity; the API token and push subscriptions live on", async () => {
    const cg = await makeCaregiver();
    const { sessionId, cookie } = await dashboardSession(cg);
    await db.webPushSubscription.create({ data: { caregiverId: cg.id, endpoint: `https://fcm.googleapis.com/fcm/send/${sessionId}`, p256dh: "k", auth: "a" } });
    expect((await poll(cookie, 5)).status).toBe(200);
    expect((await poll(cookie, 14)).status).toBe(200);
    const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.lastSeenAt).toEqual(T0);
    const ended = await poll(cookie, 15.1);
    expect(ended.status).toBe(401);
    expect(await db.session.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ revokedReason: "idle_timeout" });
    expect(await db.auditEvent.count({ where: { action: "auth.session_idle_timeout", targetId: sessionId } })).toBe(1);
    // nothing brings it back
    await recordSessionActivity(sessionId, at(16));
    expect((await poll(cookie, 16)).status).toBe(401);
    // the API session (a bearer token, minutes-long by itself) has no idle rule; the browser keeps its notifications
    clock.set(at(16));
    const api = await db.session.findUniqueOrThrow({ where: { id: cg.sessionId } });
    expect(await sessionState(api.id, cg.id, at(16))).toMatchObject({ live: true, idleEndsAt: null });
    expect(await db.webPushSubscription.count({ where: { caregiverId: cg.id } })).toBe(1);
  });

  it("says why a session ended: timed out stays timed out when a later request asks, signed out elsewhere is not timed out", async () => {
    const cg = await makeCaregiver();
    const idle = await dashboardSession(cg);
    // the poll notices the idle end first; the idle-logoff clock asks afterwards and must still hear "idle"
    expect((await poll(idle.cookie, 15.1)).status).toBe(401);
    expect(await sessionState(idle.sessionId, cg.id, at(16))).toMatchObject({ live: false, ended: "idle" });
    const elsewhere = await dashboardSession(cg);
    await db.session.update({ where: { id: elsewhere.sessionId }, data: { revokedAt: at(1), revokedReason: "signed_out_everywhere" } });
    expect(await sessionState(elsewhere.sessionId, cg.id, at(2))).toMatchObject({ live: false, ended: "signed_out" });
    expect(await sessionState(crypto.randomUUID(), cg.id, at(2))).toMatchObject({ live: false, ended: "signed_out" });
  });

  it("starts the clock again on the caregiver's activity", async () => {
    const cg = await makeCaregiver();
    const { sessionId, cookie } = await dashboardSession(cg);
    await recordSessionActivity(sessionId, at(10));
    expect(await sessionState(sessionId, cg.id, at(20))).toMatchObject({ live: true, idleEndsAt: at(25), idleTimeoutMinutes: 15 });
    expect((await poll(cookie, 24)).status).toBe(200);
    expect((await poll(cookie, 25.5)).status).toBe(401);
  });

  it("takes the strictest idle time of the caregiver's organizations", async () => {
    const strict = await makeCaregiver();
    const lax = await makeCaregiver();
    await updateOrganizationSettings(lax.actor, lax.organizationId, { security: { idle_timeout_minutes: 60 } });
    const { sessionId, cookie } = await dashboardSession(lax);
    expect((await poll(cookie, 40)).status).toBe(200);
    expect(await sessionState(sessionId, lax.id, at(40))).toMatchObject({ idleEndsAt: at(60) });
    await db.membership.create({ data: { organizationId: strict.organizationId, caregiverId: lax.id, role: "member" } });
    await updateOrganizationSettings(strict.actor, strict.organizationId, { security: { idle_timeout_minutes: 5 } });
    expect((await poll(cookie, 41)).status).toBe(401);
  });

  it("refuses an idle time outside 1 to 240 minutes and changes nothing", async () => {
    const cg = await makeCaregiver();
    await expect(updateOrganizationSettings(cg.actor, cg.organizationId, { security: { idle_timeout_minutes: 0 } })).rejects.toThrow();
    const org = await db.organization.findUniqueOrThrow({ where: { id: cg.organizationId } });
    expect(org.settings).toEqual({});
  });

  it("says when an organization requires two-factor sign-in and the caregiver has none", async () => {
    const owner = await makeCaregiver();
    const { sessionId, cookie } = await dashboardSession(owner);
    expect(await sessionState(sessionId, owner.id, at(1))).toMatchObject({ live: true, mustEnrolTwoFactor: false });
    await updateOrganizationSettings(owner.actor, owner.organizationId, { security: { two_factor: "required" } });
    expect(await sessionState(sessionId, owner.id, at(1))).toMatchObject({ live: true, mustEnrolTwoFactor: true });
    // the API still answers (the dashboard sends the caregiver to enrol before anything else)
    clock.set(at(1));
    expect((await call(me.GET, { headers: { cookie } })).status).toBe(200);
  });
});
