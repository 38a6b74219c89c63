import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient } from "@/lib/testing/factories";
import { appOpen, localAt, pairPhoneAt, receivesNothing } from "@/lib/testing/patient-phone";
import { sweepInactivity } from "@/lib/inactivity/sweep-inactivity";
import * as activity from "../activity/route";
import * as spokeWith from "./route";

/** "I spoke to her" (SPEC §5): a caregiver's call or visit is a sign of life that ends an inactivity episode. */
afterEach(() => clock.set(null));

const at = (hhmm: string) => localAt("2026-01-15", hhmm);
async function sweep(when: Date) {
  clock.set(when);
  await sweepInactivity(when);
}

async function quietBetty() {
  const owner = await makeCaregiver({ firstName: "Sarah" });
  await receivesNothing(owner.id);
  const patient = await makePatient(owner, { timezone: "America/Chicago", preferred_name: "Betty" });
  const phone = await pairPhoneAt(patient.id, at("07:00"));
  await phone.ping(at("08:00"), appOpen);
  for (let t = at("08:15").getTime(); t <= at("12:00").getTime(); t += 15 * 60_000) await phone.ping(new Date(t));
  await sweep(at("12:00"));
  const episode = await db.alert.findFirstOrThrow({ where: { patientId: patient.id, type: "inactivity", status: "open" } });
  return { owner, patient, phone, episode };
}

describe("I spoke to her", () => {
  it("ends the open episode with a note naming who, moves her last activity, shows in her activity and is audited", async () => {
    const { owner, patient, episode } = await quietBetty();
    clock.set(at("12:20"));
    const r = await call(spokeWith.POST, { token: owner.token, params: { id: patient.id }, body: { note: "She was at church, phone in her bag." } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      patient_id: patient.id,
      caregiver: { id: owner.id, name: "Sarah Tester" },
      note: "She was at church, phone in her bag.",
      at: at("12:20").toISOString(),
      ended_alert_ids: [episode.id],
    });
    const a = await db.alert.findUniqueOrThrow({ where: { id: episode.id }, include: { events: true } });
    expect(a).toMatchObject({ status: "resolved", openKey: null, resolvedById: owner.id, acknowledgedById: owner.id });
    expect(a.resolutionNote).toBe(`Sarah Tester spoke to Betty at ${at("12:20").toISOString()}: “She was at church, phone in her bag.”`);
    expect(a.events.find((e) => e.kind === "resolved")).toMatchObject({ actorType: "caregiver", actorId: owner.id });
    expect((await db.patient.findUniqueOrThrow({ where: { id: patient.id } })).lastActiveAt).toEqual(at("12:20"));
    const log = await call(activity.GET, { token: owner.token, params: { id: patient.id }, path: "/x?type=caregiver_contact" });
    expect(log.body.items).toEqual([
      expect.objectContaining({
        id: r.body.id,
        activity_type: "caregiver_contact",
        device_id: null,
        details: { caregiver_id: owner.id, note: "She was at church, phone in her bag." },
      }),
    ]);
    expect(await db.auditEvent.findFirst({ where: { patientId: patient.id, action: "patient.contact_recorded" } })).toMatchObject({ actorId: owner.id });
    // the quiet starts again from the call: nothing until 16:20
    await sweep(at("16:15"));
    expect(await db.alert.count({ where: { patientId: patient.id, type: "inactivity", status: "open" } })).toBe(0);
    await sweep(at("16:20"));
    expect(await db.alert.count({ where: { patientId: patient.id, type: "inactivity", status: "open" } })).toBe(1);
  });

  it("is recorded without an open episode too, and without a note", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago" });
    clock.set(at("09:00"));
    const r = await call(spokeWith.POST, { token: owner.token, params: { id: patient.id }, body: {} });
    expect(r).toMatchObject({ status: 201, body: { note: null, ended_alert_ids: [] } });
    expect((await db.patient.findUniqueOrThrow({ where: { id: patient.id } })).lastActiveAt).toEqual(at("09:00"));
  });

  it("refuses viewers, a phone, and bad notes; nothing changes", async () => {
    const { owner, patient, phone, episode } = await quietBetty();
    const viewer = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(patient.id, viewer.id, "viewer");
    clock.set(at("12:20"));
    expect((await call(spokeWith.POST, { token: viewer.token, params: { id: patient.id }, body: {} })).status).toBe(403);
    expect((await call(spokeWith.POST, { token: phone.credential, params: { id: patient.id }, body: {} })).status).toBe(404);
    for (const [body, field] of [
      [{ note: "x".repeat(501) }, "note"],
      [{ note: 5 }, "note"],
      [{ spoke_at: "2026-01-15T12:00:00Z" }, "spoke_at"],
    ] as const) {
      const r = await call(spokeWith.POST, { token: owner.token, params: { id: patient.id }, body });
      expect(r.status).toBe(422);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await call(spokeWith.POST, { token: owner.token, params: { id: patient.id }, body: { note: "fine\u0000" } })).status).toBe(400);
    expect((await db.alert.findUniqueOrThrow({ where: { id: episode.id } })).status).toBe("open");
    expect(await db.activityLog.count({ where: { patientId: patient.id, activityType: "caregiver_contact" } })).toBe(0);
  });
});
