import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import * as org from "./[id]/route";
import * as transferOwnership from "./[id]/transfer-ownership/route";
import * as leave from "./[id]/leave/route";

const roleOf = async (organizationId: string, caregiverId: string) =>
  (await db.membership.findUnique({ where: { organizationId_caregiverId: { organizationId, caregiverId } } }))?.role ?? null;
const actions = async (organizationId: string | null, targetId: string) =>
  (await db.auditEvent.findMany({ where: { organizationId, targetId }, orderBy: { createdAt: "asc" } })).map((e) => e.action);

describe("transferring ownership", () => {
  it("an owner makes an admin owner and steps down to admin in the same step; audited", async () => {
    const owner = await makeCaregiver();
    const admin = await makeCaregiver({ organizationId: owner.organizationId, role: "admin" });
    await db.membership.update({
      where: { organizationId_caregiverId: { organizationId: owner.organizationId, caregiverId: admin.id } },
      data: { facilityIds: [(await db.facility.findFirstOrThrow({ where: { organizationId: owner.organizationId } })).id] },
    });
    const r = await call(transferOwnership.POST, {
      token: owner.token,
      params: { id: owner.organizationId },
      body: { caregiver_id: admin.id, step_down: true },
    });
    expect(r.status).toBe(200);
    expect(r.body.role).toBe("admin");
    expect(await roleOf(owner.organizationId, admin.id)).toBe("owner");
    expect(await roleOf(owner.organizationId, owner.id)).toBe("admin");
    const m = await db.membership.findUniqueOrThrow({ where: { organizationId_caregiverId: { organizationId: owner.organizationId, caregiverId: admin.id } } });
    expect(m.facilityIds).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: owner.organizationId, action: "organization.ownership_transferred" } });
    expect(audit).toMatchObject({ actorId: owner.id, targetId: admin.id, metadata: { from_role: "admin", stepped_down: true } });
    // the former owner, now an admin, cannot hand ownership on again
    expect((await call(transferOwnership.POST, { token: owner.token, params: { id: owner.organizationId }, body: { caregiver_id: owner.id } })).status).toBe(
      403,
    );
  });

  it("without stepping down both are owners; refusals change nothing", async () => {
    const owner = await makeCaregiver();
    const member = await makeCaregiver({ organizationId: owner.organizationId });
    const outsider = await makeCaregiver();
    const send = (token: string, body: unknown) => call(transferOwnership.POST, { token, params: { id: owner.organizationId }, body });
    expect((await send(member.token, { caregiver_id: member.id })).status).toBe(403);
    expect((await send(owner.token, { caregiver_id: outsider.id })).status).toBe(404);
    const self = await send(owner.token, { caregiver_id: owner.id });
    expect(self.status).toBe(422);
    expect(self.body.errors[0].field).toBe("caregiver_id");
    expect((await send(owner.token, { caregiver_id: "not-a-uuid" })).status).toBe(422);
    expect((await send(owner.token, { caregiver_id: member.id, extra: 1 })).status).toBe(422);
    expect(await roleOf(owner.organizationId, member.id)).toBe("member");

    expect((await send(owner.token, { caregiver_id: member.id })).body.role).toBe("owner");
    expect(await roleOf(owner.organizationId, member.id)).toBe("owner");
    expect(await roleOf(owner.organizationId, owner.id)).toBe("owner");
    const again = await send(owner.token, { caregiver_id: member.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("already_owner");
  });
});

describe("leaving an organization", () => {
  it("a member leaves and its care teams with it; audited", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const helper = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(p.id, helper.id, "secondary");
    const r = await call(leave.POST, { method: "POST", token: helper.token, params: { id: owner.organizationId } });
    expect(r.status).toBe(204);
    expect(await roleOf(owner.organizationId, helper.id)).toBeNull();
    expect(await db.careTeamMember.count({ where: { caregiverId: helper.id } })).toBe(0);
    expect(await actions(owner.organizationId, helper.id)).toContain("organization.member_left");
    // gone: the organization is not theirs to leave again
    expect((await call(leave.POST, { method: "POST", token: helper.token, params: { id: owner.organizationId } })).status).toBe(404);
  });

  it("the last owner is told to transfer ownership first; a patient's only primary caregiver is refused, naming the patients", async () => {
    const owner = await makeCaregiver();
    const last = await call(leave.POST, { method: "POST", token: owner.token, params: { id: owner.organizationId } });
    expect(last.status).toBe(409);
    expect(last.body.code).toBe("last_owner");
    expect(last.body.detail).toMatch(/Transfer ownership/);

    const p = await makePatient(owner, { first_name: "Ada", last_name: "Moss" });
    const q = await makePatient(owner, { first_name: "Ben", last_name: "Hale" });
    const primary = await makeCaregiver({ organizationId: owner.organizationId });
    await db.careTeamMember.deleteMany({ where: { patientId: { in: [p.id, q.id] } } });
    await joinCareTeam(p.id, primary.id, "primary", 1);
    await joinCareTeam(q.id, primary.id, "primary", 1);
    const r = await call(leave.POST, { method: "POST", token: primary.token, params: { id: owner.organizationId } });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe("last_primary");
    expect(r.body.detail).toContain("Ada Moss, Ben Hale");
    expect(await roleOf(owner.organizationId, primary.id)).toBe("member");
    expect(await db.careTeamMember.count({ where: { caregiverId: primary.id } })).toBe(2);

    // once another owner exists, the first may leave
    await call(transferOwnership.POST, { token: owner.token, params: { id: owner.organizationId }, body: { caregiver_id: primary.id } });
    expect((await call(leave.POST, { method: "POST", token: owner.token, params: { id: owner.organizationId } })).status).toBe(204);
  });
});

describe("deleting an organization", () => {
  it("owners only, with the name typed again: the patients are erased with their data and the audit trail goes with it", async () => {
    const owner = await makeCaregiver();
    const admin = await makeCaregiver({ organizationId: owner.organizationId, role: "admin" });
    const p = await makePatient(owner);
    const phone = await pairDevice(p.id);
    const { name } = await db.organization.findUniqueOrThrow({ where: { id: owner.organizationId } });
    const del = (token: string, body: unknown) => call(org.DELETE, { method: "DELETE", token, params: { id: owner.organizationId }, body });

    expect((await del(admin.token, { confirm_name: name })).status).toBe(403);
    const wrong = await del(owner.token, { confirm_name: "Something else" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].field).toBe("confirm_name");
    expect((await del(owner.token, {})).status).toBe(422);
    expect(await db.patient.count({ where: { id: p.id } })).toBe(1);

    expect((await del(owner.token, { confirm_name: ` ${name} ` })).status).toBe(204);
    expect(await db.organization.count({ where: { id: owner.organizationId } })).toBe(0);
    expect(await db.patient.count({ where: { id: p.id } })).toBe(0);
    expect(await db.patientDevice.count({ where: { id: phone.deviceId } })).toBe(0);
    expect(await db.membership.count({ where: { caregiverId: admin.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { organizationId: owner.organizationId } })).toBe(0);
    // the deletion is recorded where it outlives the organization
    const rec = await db.auditEvent.findFirstOrThrow({ where: { organizationId: null, targetId: owner.organizationId } });
    expect(rec).toMatchObject({ action: "organization.deleted", actorId: owner.id, metadata: { patients_erased: 1, members: 2 } });
    // the caregivers themselves stay
    expect(await db.caregiver.count({ where: { id: { in: [owner.id, admin.id] } } })).toBe(2);
  });

  it("is refused while a patient transfer out is pending", async () => {
    const owner = await makeCaregiver();
    const other = await makeCaregiver();
    const p = await makePatient(owner);
    await db.patientTransfer.create({
      data: { patientId: p.id, fromOrganizationId: owner.organizationId, toOrganizationId: other.organizationId, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const { name } = await db.organization.findUniqueOrThrow({ where: { id: owner.organizationId } });
    const r = await call(org.DELETE, { method: "DELETE", token: owner.token, params: { id: owner.organizationId }, body: { confirm_name: name } });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe("transfer_pending");
    expect(await db.patient.count({ where: { id: p.id } })).toBe(1);
  });
});
