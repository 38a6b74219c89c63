import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient, type TestCaregiver } from "@/lib/testing/factories";
import { cases, makeMatrixCtx, matrixState, type Ctx } from "./endpoint-matrix";
import * as patients from "./patients/route";
import * as patient from "./patients/[id]/route";
import * as careTeam from "./patients/[id]/care-team/route";
import * as alerts from "./alerts/route";
import * as overview from "./overview/route";
import * as analytics from "./analytics/route";
import * as orgSettings from "./organizations/[id]/settings/route";
import * as facilities from "./organizations/[id]/facilities/route";

/**
 * The cross-facility matrix (SPEC §1): one organization with two facilities; the patient lives in the first.
 * An admin of the second facility gets 404 on every patient and care-team endpoint and verb, and nothing
 * changes; the same admin on the patient's care team reaches it as a care-team member; an admin of the first
 * facility administers it.
 */
let ctx: Ctx;
let otherFacilityId: string;
let otherAdmin: TestCaregiver;
let ownAdmin: TestCaregiver;
let snapshot: string;

async function facilityAdmin(organizationId: string, facilityIds: string[]) {
  const admin = await makeCaregiver({ organizationId, role: "admin" });
  await db.membership.update({ where: { organizationId_caregiverId: { organizationId, caregiverId: admin.id } }, data: { facilityIds } });
  return admin;
}

const patientCases = cases.filter((c) => !c.orgScoped);

beforeAll(async () => {
  ctx = await makeMatrixCtx(await makeCaregiver());
  otherFacilityId = (await call(facilities.POST, { token: ctx.owner.token, params: { id: ctx.organizationId }, body: { name: "Riverside" } })).body.id;
  otherAdmin = await facilityAdmin(ctx.organizationId, [otherFacilityId]);
  ownAdmin = await facilityAdmin(ctx.organizationId, [ctx.facilityId]);
  snapshot = await matrixState(ctx);
});

describe("cross-facility matrix", () => {
  it("covers every route that names a patient or a care team (derived from the route files)", async () => {
    const apiDir = path.resolve(import.meta.dirname);
    const covered = new Set(patientCases.map((c) => c.handler));
    const files = (readdirSync(apiDir, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts"));
    const missing: string[] = [];
    for (const f of files) {
      const mod = await import(path.join(apiDir, f));
      for (const handler of Object.values(mod)) {
        const name = (handler as { spec?: { name: string } }).spec?.name ?? "";
        if (/\/patients\/\{id\}|care-team/.test(name) && !covered.has(handler as never)) missing.push(name);
      }
    }
    expect(missing).toEqual([]);
  });

  for (const c of patientCases) {
    it(`${c.name}: an admin of another facility gets 404`, async () => {
      const r = await call(c.handler, { ...c.opts(ctx), token: otherAdmin.token });
      expect(r.status).toBe(404);
      expect(r.body.detail).not.toMatch(/Betty|Johnson/);
    });
  }

  it("nothing changed", async () => {
    expect(await matrixState(ctx)).toBe(snapshot);
  });

  it("lists, the home page, the alert inbox and analytics leave the other facility's patient out", async () => {
    const list = await call(patients.GET, { token: otherAdmin.token, path: "/api/v1/patients" });
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(ctx.patientId);
    const home = await call(overview.GET, { token: otherAdmin.token, path: "/api/v1/overview" });
    expect(home.body.patients).toEqual([]);
    expect(home.body.open_alert_total).toBe(0);
    expect((await call(alerts.GET, { token: otherAdmin.token, path: "/api/v1/alerts" })).body.total).toBe(0);
    expect((await call(analytics.GET, { token: otherAdmin.token, path: "/api/v1/analytics" })).body.totals.patients).toBe(0);
  });

  it("an admin of the patient's facility administers it, and sees it in every list", async () => {
    expect((await call(patient.GET, { token: ownAdmin.token, params: { id: ctx.patientId } })).status).toBe(200);
    expect((await call(careTeam.GET, { token: ownAdmin.token, params: { id: ctx.patientId } })).status).toBe(200);
    const list = await call(patients.GET, { token: ownAdmin.token, path: "/api/v1/patients" });
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([ctx.patientId]);
    expect((await call(alerts.GET, { token: ownAdmin.token, path: "/api/v1/alerts" })).body.items.map((a: { id: string }) => a.id)).toEqual([ctx.alertId]);
    expect((await call(overview.GET, { token: ownAdmin.token, path: "/api/v1/overview" })).body.patients.map((p: { id: string }) => p.id)).toEqual([
      ctx.patientId,
    ]);
    // manage: a facility admin changes the care team of its facility's patients
    const r = await call(patient.PATCH, { method: "PATCH", token: ownAdmin.token, params: { id: ctx.patientId }, body: { preferred_name: "Betty B" } });
    expect(r.status).toBe(200);
    // but organization-wide settings are for admins of the whole organization
    expect((await call(orgSettings.PATCH, { method: "PATCH", token: ownAdmin.token, params: { id: ctx.organizationId }, body: {} })).status).toBe(403);
  });

  it("on the care team, an admin of another facility reaches the patient with its standing only", async () => {
    const p = await makePatient(ctx.owner);
    const viewer = await facilityAdmin(ctx.organizationId, [otherFacilityId]);
    await joinCareTeam(p.id, viewer.id, "viewer");
    expect((await call(patient.GET, { token: viewer.token, params: { id: p.id } })).status).toBe(200);
    expect((await call(patient.PATCH, { method: "PATCH", token: viewer.token, params: { id: p.id }, body: { preferred_name: "X" } })).status).toBe(403);
    expect((await call(patient.DELETE, { method: "DELETE", token: viewer.token, params: { id: p.id } })).status).toBe(403);
    const list = await call(patients.GET, { token: viewer.token, path: "/api/v1/patients" });
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
  });

  it("facility_id narrows the lists to one facility; an owner sees both", async () => {
    const elsewhere = await makePatient(ctx.owner, { first_name: "Rita", facility_id: otherFacilityId });
    expect(elsewhere.facility_id).toBe(otherFacilityId);
    const all = await call(patients.GET, { token: ctx.owner.token, path: "/api/v1/patients" });
    expect(all.body.items.map((x: { id: string }) => x.id)).toContain(elsewhere.id);
    const one = await call(patients.GET, { token: ctx.owner.token, path: `/api/v1/patients?facility_id=${otherFacilityId}` });
    expect(one.body.items.map((x: { id: string }) => x.id)).toEqual([elsewhere.id]);
    const home = await call(overview.GET, { token: ctx.owner.token, path: `/api/v1/overview?facility_id=${otherFacilityId}` });
    expect(home.body.patients.map((x: { id: string }) => x.id)).toEqual([elsewhere.id]);
    expect((await call(alerts.GET, { token: ctx.owner.token, path: `/api/v1/alerts?facility_id=${otherFacilityId}` })).body.total).toBe(0);
    expect((await call(analytics.GET, { token: ctx.owner.token, path: `/api/v1/analytics?facility_id=${otherFacilityId}` })).body.totals.patients).toBe(1);
    // the facility admin's own patients only, whatever the filter asks
    const other = await call(patients.GET, { token: ownAdmin.token, path: `/api/v1/patients?facility_id=${otherFacilityId}` });
    expect(other.body.items).toEqual([]);
    expect((await call(patients.GET, { token: ctx.owner.token, path: "/api/v1/patients?facility_id=nope" })).status).toBe(422);
  });
});
