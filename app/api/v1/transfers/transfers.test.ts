import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient, makeReminder, makeSchedule, pairDevice, type TestCaregiver } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { deliverDueReminders } from "@/lib/reminders/deliver-reminders";
import * as patientTransfers from "../patients/[id]/transfers/route";
import * as orgTransfers from "../organizations/[id]/transfers/route";
import * as accept from "./[id]/accept/route";
import * as decline from "./[id]/decline/route";
import * as withdraw from "./[id]/withdraw/route";
import * as patient from "../patients/[id]/route";
import * as heartbeat from "../patients/[id]/heartbeat/route";
import * as facilities from "../organizations/[id]/facilities/route";
import * as apiKeys from "../auth/api-keys/route";

/**
 * Patient transfer (issue 14 §4, docs/decisions/027): asked by an admin of the source, accepted or declined by
 * an admin of the destination; the patient moves with its whole history, the care team keeps only people the
 * destination knows, and both audit trails record it.
 */
const ask = (who: TestCaregiver, patientId: string, body: Record<string, unknown>) =>
  call(patientTransfers.POST, { token: who.token, params: { id: patientId }, body });
const acceptAs = (who: TestCaregiver, id: string, body: Record<string, unknown> = {}) => call(accept.POST, { token: who.token, params: { id }, body });

async function critical(patientId: string) {
  return raiseAlert(
    db,
    {
      patientId,
      type: "emergency",
      severity: "critical",
      dedupKey: "transfer",
      title: "Emergency button pressed",
      description: "d",
      source: "test",
      evidence: { kind: "rule", at: new Date().toISOString() },
    },
    new Date(),
  );
}

async function invite(organizationId: string, patientId: string, email: string, invitedById: string) {
  await db.invitation.create({
    data: {
      organizationId,
      email,
      patientId,
      standing: "secondary",
      tokenHash: randomBytes(32).toString("hex"),
      invitedById,
      expiresAt: new Date(Date.now() + 86_400_000),
      sentAt: new Date(),
    },
  });
}

describe("patient transfer between organizations", () => {
  it("moves the patient with its whole history; the care team keeps members and invitees of the destination; both trails record it", async () => {
    const sarah = await makeCaregiver({ firstName: "Sarah" }); // source owner, primary caregiver
    const betty = await makePatient(sarah);
    const tom = await makeCaregiver({ organizationId: sarah.organizationId, firstName: "Tom" });
    const ann = await makeCaregiver({ organizationId: sarah.organizationId, firstName: "Ann" });
    await joinCareTeam(betty.id, tom.id, "secondary");
    await joinCareTeam(betty.id, ann.id, "viewer");
    const { credential } = await pairDevice(betty.id);
    await makeSchedule(betty.id);
    await makeReminder(betty.id, { dueAt: new Date(Date.now() + 3_600_000) });
    await db.consent.create({ data: { patientId: betty.id, kind: "data_processing", granted: true, givenBy: "patient", recordedById: sarah.id } });
    await db.conversation.create({ data: { patientId: betty.id, conversationType: "spontaneous" } });

    const dan = await makeCaregiver({ firstName: "Dan" }); // destination owner
    const destMember = await makeCaregiver({ organizationId: dan.organizationId });
    await invite(dan.organizationId, betty.id, tom.email, dan.id); // the destination invites Tom

    const asked = await ask(sarah, betty.id, { to_organization_id: dan.organizationId, note: "Moving to Springfield" });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: "pending",
      patient_name: "Betty Johnson",
      from: { organization_id: sarah.organizationId },
      to: { organization_id: dan.organizationId, facility_name: "Main" },
    });
    const id = asked.body.id;
    const pendingIn = await call(orgTransfers.GET, { token: dan.token, params: { id: dan.organizationId }, path: "/x?direction=in&status=pending" });
    expect(pendingIn.body.items.map((t: { id: string }) => t.id)).toEqual([id]);
    expect((await call(orgTransfers.GET, { token: sarah.token, params: { id: sarah.organizationId }, path: "/x?direction=out" })).body.items).toHaveLength(1);

    // the destination must have a primary caregiver among its members
    const none = await acceptAs(dan, id);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe("primary_caregiver_required");
    expect((await acceptAs(dan, id, { primary_caregiver_id: tom.id })).status).toBe(422); // invited, not yet a member
    expect((await acceptAs(destMember, id, { primary_caregiver_id: dan.id })).status).toBe(403); // a member, not an admin
    expect((await acceptAs(sarah, id, { primary_caregiver_id: dan.id })).status).toBe(404); // the source's admin
    expect((await db.patient.findUniqueOrThrow({ where: { id: betty.id } })).organizationId).toBe(sarah.organizationId);

    const done = await acceptAs(dan, id, { primary_caregiver_id: dan.id });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("accepted");
    expect(done.body.removed_from_care_team.sort()).toEqual([sarah.id, ann.id].sort());
    const moved = await db.patient.findUniqueOrThrow({ where: { id: betty.id }, include: { careTeam: true } });
    expect(moved.organizationId).toBe(dan.organizationId);
    expect(moved.careTeam.map((m) => [m.caregiverId, m.standing]).sort()).toEqual(
      [
        [dan.id, "primary"],
        [tom.id, "secondary"],
      ].sort(),
    );
    // the whole history came along, and the phone is still paired
    expect(await db.schedule.count({ where: { patientId: betty.id } })).toBe(1);
    expect(await db.reminder.count({ where: { patientId: betty.id } })).toBe(1);
    expect(await db.consent.count({ where: { patientId: betty.id } })).toBe(1);
    expect(await db.conversation.count({ where: { patientId: betty.id } })).toBe(1);
    expect((await call(heartbeat.POST, { token: credential, params: { id: betty.id }, body: {} })).status).toBe(200);
    // who sees her now
    expect((await call(patient.GET, { token: dan.token, params: { id: betty.id } })).status).toBe(200);
    expect((await call(patient.GET, { token: sarah.token, params: { id: betty.id } })).status).toBe(404);
    // both audit trails
    const trail = (organizationId: string) => db.auditEvent.findMany({ where: { organizationId, patientId: betty.id }, select: { action: true } });
    expect((await trail(sarah.organizationId)).map((e) => e.action)).toEqual(expect.arrayContaining(["patient.transfer_requested", "patient.transferred_out"]));
    expect((await trail(dan.organizationId)).map((e) => e.action)).toEqual(expect.arrayContaining(["patient.transfer_requested", "patient.transferred_in"]));
    // decided: no second decision
    expect((await acceptAs(dan, id, { primary_caregiver_id: dan.id })).body.code).toBe("transfer_accepted");
  });

  it("refuses a second pending transfer, a viewer, a caregiver who is not an admin, an outsider and an open critical alert unless confirmed; changes nothing", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const dest = await makeCaregiver();
    const viewer = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(p.id, viewer.id, "viewer");
    const primary = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(p.id, primary.id, "primary");
    const body = { to_organization_id: dest.organizationId };
    expect((await ask(viewer, p.id, body)).status).toBe(403);
    expect((await ask(primary, p.id, body)).status).toBe(403); // a primary caregiver is not an admin
    expect((await ask(dest, p.id, body)).status).toBe(404);
    expect((await ask(owner, p.id, { to_organization_id: crypto.randomUUID() })).status).toBe(404);
    const foreignFacility = (await db.facility.findFirstOrThrow({ where: { organizationId: owner.organizationId } })).id;
    expect((await ask(owner, p.id, { ...body, to_facility_id: foreignFacility })).status).toBe(422);
    expect((await ask(owner, p.id, { to_organization_id: owner.organizationId })).status).toBe(422); // already in the default facility
    expect((await ask(owner, p.id, { ...body, extra: 1 })).status).toBe(422);
    await critical(p.id);
    const blocked = await ask(owner, p.id, body);
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe("open_critical_alert");
    expect(await db.patientTransfer.count({ where: { patientId: p.id } })).toBe(0);
    const key = (await call(apiKeys.POST, { token: owner.token, body: { name: "Read", scopes: ["read"] } })).body.key;
    expect((await call(patientTransfers.POST, { token: key, params: { id: p.id }, body: { ...body, confirm_open_critical: true } })).status).toBe(403);

    const first = await ask(owner, p.id, { ...body, confirm_open_critical: true });
    expect(first.status).toBe(201);
    const second = await ask(owner, p.id, { ...body, confirm_open_critical: true });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("transfer_pending");

    // a read key of the destination reads the list but cannot decide
    const destKey = (await call(apiKeys.POST, { token: dest.token, body: { name: "Read", scopes: ["read"] } })).body.key;
    expect((await call(orgTransfers.GET, { token: destKey, params: { id: dest.organizationId } })).body.items).toHaveLength(1);
    expect((await call(decline.POST, { token: destKey, params: { id: first.body.id } })).status).toBe(403);
    expect((await call(accept.POST, { token: destKey, params: { id: first.body.id }, body: { primary_caregiver_id: dest.id } })).status).toBe(403);

    // declined: the patient stays, and a new request may be made
    const declined = await call(decline.POST, { token: dest.token, params: { id: first.body.id } });
    expect(declined.body).toMatchObject({ status: "declined", decided_by: { caregiver_id: dest.id } });
    expect((await acceptAs(dest, first.body.id, { primary_caregiver_id: dest.id })).body.code).toBe("transfer_declined");
    expect((await db.patient.findUniqueOrThrow({ where: { id: p.id } })).organizationId).toBe(owner.organizationId);

    // expiring: after 7 days it can no longer be accepted, and does not block a new request
    const again = await ask(owner, p.id, { ...body, confirm_open_critical: true });
    expect(again.status).toBe(201);
    expect(new Date(again.body.expires_at).getTime() - new Date(again.body.created_at).getTime()).toBe(7 * 86_400_000);
    await db.patientTransfer.update({ where: { id: again.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await acceptAs(dest, again.body.id, { primary_caregiver_id: dest.id })).body.code).toBe("transfer_expired");
    expect((await ask(owner, p.id, { ...body, confirm_open_critical: true })).status).toBe(201);
    expect((await db.patientTransfer.findUniqueOrThrow({ where: { id: again.body.id } })).status).toBe("expired");
  });
});

describe("withdrawing a transfer", () => {
  it("an admin of the source withdraws it while pending, audited on both sides; the destination cannot accept it after; a new request may follow", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const dest = await makeCaregiver();
    const member = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(p.id, member.id, "primary");
    const body = { to_organization_id: dest.organizationId };
    const t = (await ask(owner, p.id, body)).body;
    const withdrawAs = (who: TestCaregiver | string, id = t.id) => call(withdraw.POST, { token: typeof who === "string" ? who : who.token, params: { id } });

    // the destination's admin answers it but is not of the source (as an outsider: 404); a primary caregiver of the source is not an admin
    expect((await withdrawAs(dest)).status).toBe(404);
    expect((await withdrawAs(member)).status).toBe(403);
    expect((await withdrawAs(await makeCaregiver())).status).toBe(404);
    expect((await withdrawAs(owner, crypto.randomUUID())).status).toBe(404);
    const readKey = (await call(apiKeys.POST, { token: owner.token, body: { name: "Read", scopes: ["read"] } })).body.key;
    expect((await withdrawAs(readKey)).status).toBe(403);
    expect((await db.patientTransfer.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("pending");

    const done = await withdrawAs(owner);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "withdrawn", decided_by: { caregiver_id: owner.id } });
    expect((await withdrawAs(owner)).body.code).toBe("transfer_withdrawn");
    expect((await acceptAs(dest, t.id, { primary_caregiver_id: dest.id })).body.code).toBe("transfer_withdrawn");
    expect((await call(decline.POST, { token: dest.token, params: { id: t.id } })).body.code).toBe("transfer_withdrawn");
    expect((await db.patient.findUniqueOrThrow({ where: { id: p.id } })).organizationId).toBe(owner.organizationId);
    const trails = await db.auditEvent.findMany({ where: { action: "patient.transfer_withdrawn", targetId: t.id }, select: { organizationId: true } });
    expect(trails.map((a) => a.organizationId).sort()).toEqual([owner.organizationId, dest.organizationId].sort());
    const listed = await call(orgTransfers.GET, { token: dest.token, params: { id: dest.organizationId }, path: "/x?status=withdrawn" });
    expect(listed.body.items.map((x: { id: string }) => x.id)).toEqual([t.id]);
    expect((await ask(owner, p.id, body)).status).toBe(201);
  });

  it("an expired transfer reads as expired everywhere: lists, withdraw, accept and decline refuse it", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const dest = await makeCaregiver();
    const t = (await ask(owner, p.id, { to_organization_id: dest.organizationId })).body;
    await db.patientTransfer.update({ where: { id: t.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const list = (q: string) => call(orgTransfers.GET, { token: dest.token, params: { id: dest.organizationId }, path: `/x${q}` });
    expect((await list("")).body.items.map((x: { status: string }) => x.status)).toEqual(["expired"]);
    expect((await list("?status=pending")).body.items).toEqual([]);
    expect((await list("?status=expired")).body.items).toHaveLength(1);
    expect((await call(withdraw.POST, { token: owner.token, params: { id: t.id } })).body.code).toBe("transfer_expired");
    expect((await call(decline.POST, { token: dest.token, params: { id: t.id } })).body.code).toBe("transfer_expired");
    expect((await acceptAs(dest, t.id, { primary_caregiver_id: dest.id })).body.code).toBe("transfer_expired");
  });
});

describe("patient transfer between facilities", () => {
  it("an admin of the destination facility accepts; the care team stays; an admin of another facility may not", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const east = (await call(facilities.POST, { token: owner.token, params: { id: owner.organizationId }, body: { name: "East" } })).body.id;
    const westAdmin = await makeCaregiver({ organizationId: owner.organizationId, role: "admin" });
    await db.membership.updateMany({ where: { caregiverId: westAdmin.id }, data: { facilityIds: [p.facility_id] } });
    const eastAdmin = await makeCaregiver({ organizationId: owner.organizationId, role: "admin" });
    await db.membership.updateMany({ where: { caregiverId: eastAdmin.id }, data: { facilityIds: [east] } });
    expect((await ask(eastAdmin, p.id, { to_organization_id: owner.organizationId, to_facility_id: east })).status).toBe(404); // not theirs yet
    const t = await ask(westAdmin, p.id, { to_organization_id: owner.organizationId, to_facility_id: east });
    expect(t.status).toBe(201);
    expect((await call(orgTransfers.GET, { token: eastAdmin.token, params: { id: owner.organizationId }, path: "/x?direction=in" })).body.items).toHaveLength(
      1,
    );
    expect((await acceptAs(westAdmin, t.body.id)).status).toBe(403);
    const done = await acceptAs(eastAdmin, t.body.id);
    expect(done.status).toBe(200);
    expect(done.body.removed_from_care_team).toEqual([]);
    expect(await db.patient.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ organizationId: owner.organizationId, facilityId: east });
    expect(await db.careTeamMember.count({ where: { patientId: p.id, caregiverId: owner.id, standing: "primary" } })).toBe(1);
    expect((await call(patient.GET, { token: eastAdmin.token, params: { id: p.id } })).status).toBe(200);
    expect((await call(patient.GET, { token: westAdmin.token, params: { id: p.id } })).status).toBe(404);
    const trail = await db.auditEvent.findMany({ where: { organizationId: owner.organizationId, patientId: p.id, action: "patient.transferred" } });
    expect(trail).toHaveLength(1);
  });
});

describe("jobs across the move", () => {
  it("a reminder due across the move is sent once, and its repeat is not missed", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    await pairDevice(p.id);
    const dest = await makeCaregiver();
    const due = new Date("2026-03-02T15:00:00Z");
    const r = await makeReminder(p.id, { dueAt: due });
    const t = await ask(owner, p.id, { to_organization_id: dest.organizationId });
    // the sweep runs while the transfer is pending: delivered once (asserted on this reminder: the sweep also
    // claims whatever other test files left due in a shared embedded database)
    const deliveries = async () => (await db.reminder.findUniqueOrThrow({ where: { id: r.id } })).deliveryCount;
    await deliverDueReminders(due);
    expect(await deliveries()).toBe(1);
    expect((await acceptAs(dest, t.body.id, { primary_caregiver_id: dest.id })).status).toBe(200);
    // the next sweep, after the move: nothing sent twice (the reminder is keyed by the patient, its state moved with it)
    await deliverDueReminders(new Date(due.getTime() + 60_000));
    expect(await deliveries()).toBe(1);
    // the repeat (10 minutes later by default) still goes, under the destination's settings
    await deliverDueReminders(new Date(due.getTime() + 10 * 60_000));
    expect(await deliveries()).toBe(2);
  });
});
