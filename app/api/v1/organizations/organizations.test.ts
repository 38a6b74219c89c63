import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import * as orgs from "./route";
import * as org from "./[id]/route";
import * as members from "./[id]/members/route";
import * as memberRoute from "./[id]/members/[caregiverId]/route";
import * as settings from "./[id]/settings/route";

describe("organizations and members", () => {
  it("lists my organizations with my role, and shows one", async () => {
    const owner = await makeCaregiver();
    const list = await call(orgs.GET, { token: owner.token });
    expect(list.body.items).toEqual([expect.objectContaining({ id: owner.organizationId, role: "owner" })]);
    const one = await call(org.GET, { token: owner.token, params: { id: owner.organizationId } });
    expect(one.body).toMatchObject({ role: "owner", member_count: 1, patient_count: 0 });
    const renamed = await call(org.PATCH, { method: "PATCH", token: owner.token, params: { id: owner.organizationId }, body: { name: "Johnson family" } });
    expect(renamed.body.name).toBe("Johnson family");
  });

  it("owners and admins invite existing caregivers by email; members cannot", async () => {
    const owner = await makeCaregiver();
    const guest = await makeCaregiver();
    const added = await call(members.POST, { token: owner.token, params: { id: owner.organizationId }, body: { email: guest.email, role: "admin" } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ caregiver_id: guest.id, role: "admin" });
    const member = await makeCaregiver({ organizationId: owner.organizationId, role: "member" });
    const third = await makeCaregiver();
    expect((await call(members.POST, { token: member.token, params: { id: owner.organizationId }, body: { email: third.email } })).status).toBe(403);
    // admins cannot create owners
    expect((await call(members.POST, { token: guest.token, params: { id: owner.organizationId }, body: { email: third.email, role: "owner" } })).status).toBe(
      403,
    );
    expect((await call(members.POST, { token: owner.token, params: { id: owner.organizationId }, body: { email: guest.email } })).status).toBe(409);
    const list = await call(members.GET, { token: member.token, params: { id: owner.organizationId } });
    expect(list.body.items).toHaveLength(3);
  });

  it("protects the last owner and lets members leave", async () => {
    const owner = await makeCaregiver();
    const demote = await call(memberRoute.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: owner.organizationId, caregiverId: owner.id },
      body: { role: "member" },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe("last_owner");
    const member = await makeCaregiver({ organizationId: owner.organizationId });
    const leave = await call(memberRoute.DELETE, { method: "DELETE", token: member.token, params: { id: owner.organizationId, caregiverId: member.id } });
    expect(leave.status).toBe(204);
    expect(await db.membership.count({ where: { organizationId: owner.organizationId } })).toBe(1);
  });

  it("removing a member takes them off the organization's care teams", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const helper = await makeCaregiver({ organizationId: owner.organizationId });
    await db.careTeamMember.create({ data: { patientId: p.id, caregiverId: helper.id, standing: "secondary", contactOrder: 2 } });
    const r = await call(memberRoute.DELETE, { method: "DELETE", token: owner.token, params: { id: owner.organizationId, caregiverId: helper.id } });
    expect(r.status).toBe(204);
    expect(await db.careTeamMember.count({ where: { caregiverId: helper.id } })).toBe(0);
  });
});

describe("organization settings", () => {
  it("returns the defaults and merges validated changes", async () => {
    const owner = await makeCaregiver();
    const initial = await call(settings.GET, { token: owner.token, params: { id: owner.organizationId } });
    expect(initial.body.pairing.code_ttl_minutes).toBe(15);
    expect(initial.body.reminders).toEqual({ repeat_interval_minutes: 10, repeat_count: 2, missed_after_minutes: 30, snooze_minutes: 10 });
    expect(initial.body.inactivity).toMatchObject({
      waking_hours_start: "08:00",
      waking_hours_end: "20:00",
      medium_after_hours: 4,
      high_after_hours: 6,
      critical_after_hours: 8,
    });
    expect(initial.body.escalation).toMatchObject({ critical_wait_minutes: 5, high_wait_minutes: 15 });
    expect(initial.body.notifications.non_critical_cap_per_hour).toBe(3);
    const r = await call(settings.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: owner.organizationId },
      body: { pairing: { code_ttl_minutes: 30 }, inactivity: { waking_hours_start: "07:00" } },
    });
    expect(r.status).toBe(200);
    expect(r.body.pairing.code_ttl_minutes).toBe(30);
    expect(r.body.inactivity.waking_hours_start).toBe("07:00");
    expect(r.body.inactivity.waking_hours_end).toBe("20:00");
  });

  it("refuses inconsistent or unknown settings and changes nothing", async () => {
    const owner = await makeCaregiver();
    const id = owner.organizationId;
    for (const body of [
      { inactivity: { medium_after_hours: 9 } },
      { pairing: { code_ttl_minutes: 0 } },
      { billing: {} },
      { reminders: { repeat_every: 5 } },
      { inactivity: { waking_hours_end: "06:00" } },
    ]) {
      expect((await call(settings.PATCH, { method: "PATCH", token: owner.token, params: { id }, body })).status, JSON.stringify(body)).toBe(422);
    }
    expect((await call(settings.GET, { token: owner.token, params: { id } })).body.inactivity.medium_after_hours).toBe(4);
  });

  it("is for owners and admins only", async () => {
    const owner = await makeCaregiver();
    const member = await makeCaregiver({ organizationId: owner.organizationId });
    expect((await call(settings.GET, { token: member.token, params: { id: owner.organizationId } })).status).toBe(403);
    expect(
      (await call(settings.PATCH, { method: "PATCH", token: member.token, params: { id: owner.organizationId }, body: { pairing: { code_ttl_minutes: 5 } } }))
        .status,
    ).toBe(403);
  });

  it("a caregiver creates another organization and owns it, with its default facility; bad names change nothing", async () => {
    const me = await makeCaregiver();
    const made = await call(orgs.POST, { token: me.token, body: { name: "  Sunrise Home Care  " } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: "Sunrise Home Care", role: "owner" });
    const list = await call(orgs.GET, { token: me.token });
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([me.organizationId, made.body.id]);
    const facilities = await db.facility.findMany({ where: { organizationId: made.body.id } });
    expect(facilities).toEqual([expect.objectContaining({ name: "Main", isDefault: true })]);
    expect(await db.auditEvent.count({ where: { organizationId: made.body.id, action: "organization.created", actorId: me.id } })).toBe(1);
    // owning one organization says nothing about another: the first one's members see nothing of it
    const colleague = await makeCaregiver({ organizationId: me.organizationId, role: "admin" });
    expect((await call(org.GET, { token: colleague.token, params: { id: made.body.id } })).status).toBe(404);
    const before = await db.organization.count();
    for (const body of [{}, { name: "" }, { name: "   " }, { name: "x".repeat(201) }, { name: "A", owner_id: colleague.id }]) {
      expect((await call(orgs.POST, { token: me.token, body })).status).toBe(422);
    }
    expect((await call(orgs.POST, { body: { name: "Nobody's" } })).status).toBe(401);
    expect(await db.organization.count()).toBe(before);
  });
});
