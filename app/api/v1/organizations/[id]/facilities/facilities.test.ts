import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import * as facilities from "./route";
import * as facility from "./[facilityId]/route";
import * as member from "../members/[caregiverId]/route";
import * as members from "../members/route";
import * as patients from "../../../patients/route";

describe("facilities", () => {
  it("every organization starts with a default facility, where new patients go", async () => {
    const owner = await makeCaregiver();
    const list = await call(facilities.GET, { token: owner.token, params: { id: owner.organizationId } });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ name: "Main", is_default: true, patient_count: 0 })]);
    const p = await makePatient(owner);
    expect(p.facility_id).toBe(list.body.items[0].id);
  });

  it("owners and admins create, rename, re-default and delete empty facilities; refusals change nothing", async () => {
    const owner = await makeCaregiver();
    const org = owner.organizationId;
    const made = await call(facilities.POST, { token: owner.token, params: { id: org }, body: { name: "Riverside", address: "1 River Rd" } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: "Riverside", address: "1 River Rd", is_default: false, patient_count: 0 });
    const dup = await call(facilities.POST, { token: owner.token, params: { id: org }, body: { name: "Riverside" } });
    expect(dup.status).toBe(422);
    expect(dup.body.errors[0].field).toBe("name");
    expect((await call(facilities.POST, { token: owner.token, params: { id: org }, body: { name: "  " } })).status).toBe(422);

    const f = made.body.id;
    const renamed = await call(facility.PATCH, { method: "PATCH", token: owner.token, params: { id: org, facilityId: f }, body: { name: "Riverside House" } });
    expect(renamed.body.name).toBe("Riverside House");
    expect((await call(facility.PATCH, { method: "PATCH", token: owner.token, params: { id: org, facilityId: f }, body: {} })).status).toBe(422);

    // a patient in it: it cannot go
    const p = await makePatient(owner, { facility_id: f });
    const busy = await call(facility.DELETE, { method: "DELETE", token: owner.token, params: { id: org, facilityId: f } });
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe("facility_has_patients");
    expect(p.facility_id).toBe(f);

    // the default facility cannot go; making another the default moves the mark
    const main = (await call(facilities.GET, { token: owner.token, params: { id: org } })).body.items.find((x: { is_default: boolean }) => x.is_default).id;
    expect((await call(facility.DELETE, { method: "DELETE", token: owner.token, params: { id: org, facilityId: main } })).body.code).toBe("default_facility");
    await call(facility.PATCH, { method: "PATCH", token: owner.token, params: { id: org, facilityId: f }, body: { is_default: true } });
    const after = (await call(facilities.GET, { token: owner.token, params: { id: org } })).body.items;
    expect(after.map((x: { id: string; is_default: boolean }) => [x.id, x.is_default])).toEqual([
      [f, true],
      [main, false],
    ]);
    expect((await call(facility.DELETE, { method: "DELETE", token: owner.token, params: { id: org, facilityId: main } })).status).toBe(204);
    expect((await call(facility.GET, { token: owner.token, params: { id: org, facilityId: main } })).status).toBe(404);
    const trail = await db.auditEvent.findMany({ where: { organizationId: org, targetType: "facility" }, select: { action: true } });
    expect(trail.map((t) => t.action).sort()).toEqual(["facility.created", "facility.deleted", "facility.updated", "facility.updated"]);
  });

  it("admins may be given facilities; a facility admin cannot manage facilities, and sees counts of its own only", async () => {
    const owner = await makeCaregiver();
    const org = owner.organizationId;
    const east = (await call(facilities.POST, { token: owner.token, params: { id: org }, body: { name: "East" } })).body.id;
    const admin = await makeCaregiver();
    const added = await call(members.POST, { token: owner.token, params: { id: org }, body: { email: admin.email, role: "admin", facility_ids: [east] } });
    expect(added.status).toBe(201);
    expect(added.body.facility_ids).toEqual([east]);
    // only admins list facilities; only this organization's
    const asMember = await call(members.POST, {
      token: owner.token,
      params: { id: org },
      body: { email: (await makeCaregiver()).email, facility_ids: [east] },
    });
    expect(asMember.status).toBe(422);
    const foreign = (await call(facilities.GET, { token: admin.token, params: { id: admin.organizationId } })).body.items[0].id;
    const wrong = await call(member.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: org, caregiverId: admin.id },
      body: { facility_ids: [foreign] },
    });
    expect(wrong.status).toBe(422);

    expect((await call(facilities.POST, { token: admin.token, params: { id: org }, body: { name: "West" } })).status).toBe(403);
    expect((await call(facility.DELETE, { method: "DELETE", token: admin.token, params: { id: org, facilityId: east } })).status).toBe(403);
    const seen = (await call(facilities.GET, { token: admin.token, params: { id: org } })).body.items;
    expect(seen.map((x: { name: string; patient_count: number | null }) => [x.name, x.patient_count])).toEqual([
      ["Main", null],
      ["East", 0],
    ]);
    // a facility admin adds patients to its own facilities only (its first by default)
    const mine = await call(patients.POST, {
      token: admin.token,
      body: { first_name: "A", last_name: "B", date_of_birth: "1940-01-01", organization_id: org },
    });
    expect(mine.body.facility_id).toBe(east);
    const main = seen[0].id;
    const notMine = await call(patients.POST, {
      token: admin.token,
      body: { first_name: "A", last_name: "B", date_of_birth: "1940-01-01", organization_id: org, facility_id: main },
    });
    expect(notMine.status).toBe(403);
    // an admin listed on a facility cannot be left dangling by deleting it
    await db.patient.deleteMany({ where: { facilityId: east } });
    expect((await call(facility.DELETE, { method: "DELETE", token: owner.token, params: { id: org, facilityId: east } })).body.code).toBe(
      "facility_has_admins",
    );
    // back to the whole organization
    const whole = await call(member.PATCH, { method: "PATCH", token: owner.token, params: { id: org, caregiverId: admin.id }, body: { facility_ids: [] } });
    expect(whole.body.facility_ids).toEqual([]);
    expect((await call(facilities.POST, { token: admin.token, params: { id: org }, body: { name: "West" } })).status).toBe(201);
  });
});
