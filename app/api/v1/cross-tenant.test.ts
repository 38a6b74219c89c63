import { beforeAll, describe, expect, it } from "vitest";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, pairDevice, type TestCaregiver } from "@/lib/testing/factories";
import { cases, makeMatrixCtx, matrixState, type Ctx } from "./endpoint-matrix";
import * as patient from "./patients/[id]/route";
import * as alert from "./alerts/[id]/route";
import * as orgSettings from "./organizations/[id]/settings/route";
import * as devices from "./patients/[id]/devices/route";
import * as phoneReminders from "./mobile/patients/[id]/reminders/route";
import * as patientConsents from "./patients/[id]/consents/route";
import * as auditEvents from "./organizations/[id]/audit-events/route";
import * as auditVerify from "./organizations/[id]/audit-events/verify/route";
import * as pushSubscriptionTest from "./auth/me/push-subscriptions/[id]/test/route";
import * as monitoringPause from "./patients/[id]/monitoring-pause/route";

/**
 * The cross-organization matrix: two organizations; for every endpoint of the matrix (./endpoint-matrix.ts)
 * and every verb, an outsider from the other organization, and a member of the same organization who is not
 * on the patient's care team, get 404 — and nothing changes.
 */
let ctx: Ctx;
let outsider: TestCaregiver;
let sameOrgMember: TestCaregiver;
/** a phone paired to another organization's patient: the third kind of outsider */
let outsiderDevice: string;
let snapshot: string;

beforeAll(async () => {
  ctx = await makeMatrixCtx(await makeCaregiver());
  outsider = await makeCaregiver(); // owner of another organization
  outsiderDevice = (await pairDevice((await makePatient(outsider)).id)).credential;
  sameOrgMember = await makeCaregiver({ organizationId: ctx.organizationId, role: "member" });
  snapshot = await matrixState(ctx);
});

describe("cross-organization matrix", () => {
  for (const c of cases) {
    it(`${c.name}: another patient's phone gets 404`, async () => {
      expect((await call(c.handler, { ...c.opts(ctx), token: outsiderDevice })).status).toBe(404);
    });
    it(`${c.name}: an outsider from another organization gets 404`, async () => {
      const r = await call(c.handler, { ...c.opts(ctx), token: outsider.token });
      expect(r.status).toBe(404);
      expect(r.body.detail).not.toMatch(/Betty|Johnson/);
    });
    if (!c.orgScoped) {
      it(`${c.name}: an organization member outside the care team gets 404`, async () => {
        expect((await call(c.handler, { ...c.opts(ctx), token: sameOrgMember.token })).status).toBe(404);
      });
    }
    it(`${c.name}: no credential gets 401`, async () => {
      expect((await call(c.handler, c.opts(ctx))).status).toBe(401);
    });
  }

  it("nothing changed", async () => {
    expect(await matrixState(ctx)).toBe(snapshot);
  });

  it("the owner and the patient's own phone still reach everything (the matrix is not passing by accident)", async () => {
    const own = await pairDevice(ctx.patientId);
    expect((await call(phoneReminders.GET, { token: own.credential, params: { id: ctx.patientId } })).status).toBe(200);
    expect((await call(devices.GET, { token: ctx.owner.token, params: { id: ctx.patientId } })).status).toBe(200);
    expect((await call(patient.GET, { token: ctx.owner.token, params: { id: ctx.patientId } })).status).toBe(200);
    expect((await call(alert.GET, { token: ctx.owner.token, params: { id: ctx.alertId } })).status).toBe(200);
    expect((await call(orgSettings.GET, { token: ctx.owner.token, params: { id: ctx.organizationId } })).status).toBe(200);
    expect((await call(patientConsents.GET, { token: ctx.owner.token, params: { id: ctx.patientId } })).status).toBe(200);
    expect((await call(auditEvents.GET, { token: ctx.owner.token, params: { id: ctx.organizationId } })).status).toBe(200);
    expect((await call(auditVerify.GET, { token: ctx.owner.token, params: { id: ctx.organizationId } })).body.ok).toBe(true);
    expect((await call(pushSubscriptionTest.POST, { token: ctx.owner.token, params: { id: ctx.pushSubscriptionId } })).body.status).toBe("simulated");
    expect((await call(monitoringPause.GET, { token: ctx.owner.token, params: { id: ctx.patientId } })).status).toBe(200);
  });
});
