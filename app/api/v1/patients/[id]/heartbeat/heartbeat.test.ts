import { afterEach, describe, expect, it, vi } from "vitest";
import { db, pool } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, makeReminder } from "@/lib/testing/factories";
import { appOpen, backgroundPing, bareHeartbeat, foregroundPing, localAt, pairPhoneAt, receivesNothing } from "@/lib/testing/patient-phone";
import { sweepInactivity } from "@/lib/inactivity/sweep-inactivity";
import * as acknowledge from "@/app/api/v1/mobile/reminders/[id]/acknowledge/route";
import * as heartbeat from "./route";

/**
 * The heartbeat contract (docs/api.md, "The heartbeat contract"; SPEC §5): every heartbeat is device liveness;
 * only the app in the foreground, an app action the person did, or the person's reported last interaction is a
 * sign of life. Real HTTP, the app's real bodies, a set clock.
 */
afterEach(() => {
  clock.set(null);
  vi.restoreAllMocks();
});

const at = (hhmm: string) => localAt("2026-02-03", hhmm);

async function setup() {
  const owner = await makeCaregiver();
  await receivesNothing(owner.id);
  const patient = await makePatient(owner, { timezone: "America/Chicago" });
  const phone = await pairPhoneAt(patient.id, at("07:00"));
  const state = async () => {
    const p = await db.patient.findUniqueOrThrow({ where: { id: patient.id } });
    const d = await db.patientDevice.findUniqueOrThrow({ where: { id: phone.deviceId } });
    return { lastActiveAt: p.lastActiveAt, lastHeartbeatAt: p.lastHeartbeatAt, lastSeenAt: d.lastSeenAt };
  };
  return { owner, patient, phone, state };
}
const interaction = (hhmm: string, extra: Record<string, unknown> = {}) => ({
  ...backgroundPing,
  details: { ...backgroundPing.details, last_interaction: at(hhmm).toISOString(), ...extra },
});

describe("the heartbeat contract", () => {
  it("a background ping (last_interaction null), an inactive app and the bare body move the phone's last-seen, never the person's last activity", async () => {
    const { phone, state } = await setup();
    await phone.ping(at("08:30"), appOpen);
    await phone.ping(at("09:00"), backgroundPing);
    await phone.ping(at("09:15"), { ...backgroundPing, details: { ...backgroundPing.details, app_state: "inactive" } });
    await phone.ping(at("09:30"), bareHeartbeat);
    await phone.ping(at("09:45"), { ...backgroundPing, details: { app_state: "background" } }); // no last_interaction at all
    expect(await state()).toEqual({ lastActiveAt: at("08:30"), lastHeartbeatAt: at("09:45"), lastSeenAt: at("09:45") });
  });

  it("the app in the foreground and what only a person does in it are signs of life", async () => {
    const { phone, state } = await setup();
    await phone.ping(at("08:00"), foregroundPing);
    expect((await state()).lastActiveAt).toEqual(at("08:00"));
    await phone.ping(at("08:30"), appOpen);
    expect((await state()).lastActiveAt).toEqual(at("08:30"));
    await phone.ping(at("09:00"), { ...backgroundPing, activity_type: "reminder_response" });
    expect((await state()).lastActiveAt).toEqual(at("09:00"));
    await phone.ping(at("09:30"), { ...backgroundPing, activity_type: "app_close" }); // the OS closes apps too
    await phone.ping(at("09:45"), { ...backgroundPing, activity_type: "location_update" });
    expect((await state()).lastActiveAt).toEqual(at("09:00"));
  });

  it("an emergency press and a reminder acknowledged on the phone are signs of life", async () => {
    const { patient, phone, state } = await setup();
    await phone.ping(at("08:00"), appOpen);
    await phone.ping(at("09:00"), { ...backgroundPing, activity_type: "emergency" });
    expect((await state()).lastActiveAt).toEqual(at("09:00"));
    const reminder = await makeReminder(patient.id, { dueAt: at("09:30") });
    clock.set(at("09:40"));
    const ack = await call(acknowledge.PUT, {
      method: "PUT",
      token: phone.credential,
      params: { id: reminder.id },
      body: { status: "completed", patient_response: "Took it with breakfast" },
    });
    expect(ack.status).toBe(200);
    expect((await state()).lastActiveAt).toEqual(at("09:40"));
  });

  it("a reported last interaction counts only when it is neither in the future nor older than what is known", async () => {
    const { phone, state } = await setup();
    await phone.ping(at("09:00"), appOpen);
    await phone.ping(at("10:00"), interaction("09:40"));
    expect((await state()).lastActiveAt).toEqual(at("09:40"));
    await phone.ping(at("10:15"), interaction("09:20")); // older than known: nothing moves backwards
    expect((await state()).lastActiveAt).toEqual(at("09:40"));
    await phone.ping(at("10:30"), interaction("10:31")); // a phone clock a minute fast: taken as now
    expect((await state()).lastActiveAt).toEqual(at("10:30"));
    await phone.ping(at("10:45"), interaction("12:00")); // in the future: ignored, never taken as "now"
    await phone.ping(at("11:00"), { ...backgroundPing, details: { ...backgroundPing.details, last_interaction: "2099-01-01T00:00:00Z" } });
    await phone.ping(at("11:15"), { ...backgroundPing, details: { ...backgroundPing.details, last_interaction: "2026-02-03T17:05:00+01:00" } }); // 10:05 Chicago, with an offset
    expect(await state()).toEqual({ lastActiveAt: at("10:30"), lastHeartbeatAt: at("11:15"), lastSeenAt: at("11:15") });
  });

  it("a later reported interaction ends an open inactivity episode, with a note", async () => {
    const { patient, phone } = await setup();
    await phone.ping(at("08:00"), appOpen);
    for (let t = at("08:15").getTime(); t <= at("12:00").getTime(); t += 15 * 60_000) await phone.ping(new Date(t));
    clock.set(at("12:00"));
    await sweepInactivity(at("12:00"));
    const open = await db.alert.findFirstOrThrow({ where: { patientId: patient.id, type: "inactivity" } });
    expect(open.status).toBe("open");
    await phone.ping(at("12:15"), interaction("07:50")); // older than known: the episode stays
    expect((await db.alert.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("open");
    await phone.ping(at("12:30"), interaction("12:27"));
    const ended = await db.alert.findUniqueOrThrow({ where: { id: open.id }, include: { events: true } });
    expect(ended).toMatchObject({ status: "auto_resolved", resolutionNote: `Ended by a sign of life (last_interaction) at ${at("12:27").toISOString()}.` });
    expect(ended.events.map((e) => e.kind)).toContain("auto_resolved");
  });

  it("refuses a malformed last_interaction or app_state with the field named, recording nothing", async () => {
    const { patient, phone, state } = await setup();
    await phone.ping(at("08:00"), appOpen);
    const before = await state();
    const rows = await db.activityLog.count({ where: { patientId: patient.id } });
    clock.set(at("08:15"));
    const bodies: [unknown, string][] = [
      [{ ...backgroundPing, details: { ...backgroundPing.details, last_interaction: "yesterday" } }, "details.last_interaction"],
      [{ ...backgroundPing, details: { ...backgroundPing.details, last_interaction: 1770130800000 } }, "details.last_interaction"],
      [{ ...backgroundPing, details: { ...backgroundPing.details, last_interaction: "2026-02-03T08:10:00" } }, "details.last_interaction"], // no offset: whose 08:10?
      [{ ...backgroundPing, details: { ...backgroundPing.details, app_state: 1 } }, "details.app_state"],
      [{ ...backgroundPing, details: "background" }, "details"],
    ];
    for (const [body, field] of bodies) {
      const r = await call(heartbeat.POST, { token: phone.credential, params: { id: patient.id }, body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // a NUL character PostgreSQL cannot store is refused before any schema: 400 (app/api/v1/hostile-input.test.ts covers every endpoint)
    const nul = await call(heartbeat.POST, {
      token: phone.credential,
      params: { id: patient.id },
      body: { ...backgroundPing, details: { network_type: "wifi\u0000" } },
    });
    expect(nul.status).toBe(400);
    expect(await state()).toEqual(before);
    expect(await db.activityLog.count({ where: { patientId: patient.id } })).toBe(rows);
  });

  it("a heartbeat is one statement, the credential check included (docs/decisions/009, 034)", async () => {
    const { patient, phone } = await setup();
    await phone.ping(at("08:00"), appOpen);
    for (const body of [backgroundPing, foregroundPing]) {
      clock.set(at(body === backgroundPing ? "08:15" : "08:30"));
      const queries = vi.spyOn(pool, "query");
      const connects = vi.spyOn(pool, "connect");
      const r = await call(heartbeat.POST, { token: phone.credential, params: { id: patient.id }, body });
      expect(r.status).toBe(200);
      expect(queries).toHaveBeenCalledTimes(1); // the credential check and the writes together
      expect(connects).toHaveBeenCalledTimes(1); // one connection checked out; nothing else (no transaction)
      vi.restoreAllMocks();
    }
    expect((await db.patientDevice.findUniqueOrThrow({ where: { id: phone.deviceId } })).lastSeenAt).toEqual(at("08:30"));
  });

  it("a revoked or unknown credential is refused (401) and another patient's id is not found (404), writing nothing", async () => {
    const { owner, patient, phone, state } = await setup();
    const other = await makePatient(owner, { timezone: "America/Chicago" });
    await phone.ping(at("08:00"), appOpen);
    const before = await state();
    const activity = await db.activityLog.count();
    clock.set(at("08:30"));
    const elsewhere = await call(heartbeat.POST, { token: phone.credential, params: { id: other.id }, body: appOpen });
    expect(elsewhere.status).toBe(404);
    const unknown = await call(heartbeat.POST, { token: "elda_dev_not-a-real-credential", params: { id: patient.id }, body: appOpen });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain("Bearer");
    await db.patientDevice.update({ where: { id: phone.deviceId }, data: { revokedAt: at("08:20") } });
    const revoked = await call(heartbeat.POST, { token: phone.credential, params: { id: patient.id }, body: appOpen });
    expect(revoked.status).toBe(401);
    expect(await state()).toEqual(before);
    expect(await db.activityLog.count()).toBe(activity);
    expect((await db.patient.findUniqueOrThrow({ where: { id: other.id } })).lastHeartbeatAt).toBeNull();
  });
});
