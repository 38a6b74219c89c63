import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient, makeReminder, makeSchedule, pairDevice } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import * as setup from "./setup/route";
import * as deviceToken from "./device-token/route";
import * as phoneSchedules from "./patients/[id]/schedules/route";
import * as phoneReminders from "./patients/[id]/reminders/route";
import * as acknowledge from "./reminders/[id]/acknowledge/route";
import * as pairingCode from "../patients/[id]/pairing-code/route";
import * as heartbeat from "../patients/[id]/heartbeat/route";
import * as activity from "../patients/[id]/activity/route";
import * as devices from "../patients/[id]/devices/route";
import * as revoke from "../devices/[id]/revoke/route";
import * as patientRoute from "../patients/[id]/route";
import * as inbox from "../alerts/route";

const ip = () => ({ "x-forwarded-for": `10.30.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

/** The app's own heartbeat bodies (reference §7.2 rows 5 and 6). */
const fullHeartbeat = {
  activity_type: "heartbeat",
  device_type: "ios",
  app_version: "1.0.0",
  battery_level: 87,
  details: {
    app_state: "background",
    network_type: "wifi",
    last_interaction: null,
    is_charging: false,
    device_info: { model: "iPhone 12", os_version: "17.1", app_version: "1.0.0" },
  },
};
const degenerateHeartbeat = { device_type: "android", app_version: "1.0.0", details: {} };

async function newPatient() {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { preferred_name: "Grandma Betty" });
  return { owner, patient };
}

describe("pairing", () => {
  it("a caregiver makes a one-time code; the phone trades it for its own credential", async () => {
    const { owner, patient } = await newPatient();
    const code = await call(pairingCode.POST, { token: owner.token, params: { id: patient.id } });
    expect(code.status).toBe(201);
    const minutesLeft = (Date.parse(code.body.expires_at) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);
    expect(JSON.parse(code.body.qr_payload)).toEqual({ patient_id: patient.id, setup_token: code.body.setup_token, api_url: expect.stringMatching(/^http/) });
    expect(code.body.qr_svg).toMatch(/^<svg/);
    const r = await call(setup.POST, { body: { patient_id: patient.id, setup_token: code.body.setup_token }, headers: ip() });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      success: true,
      patient_id: patient.id,
      patient_name: "Betty Johnson",
      preferred_name: "Grandma Betty",
      token_type: "Bearer",
    });
    expect(r.body.access_token).toMatch(/^elda_dev_/);
    const stored = await db.patientDevice.findUniqueOrThrow({ where: { id: r.body.device_id } });
    expect(stored.credentialHash).not.toContain(r.body.access_token);
    const again = await call(setup.POST, { body: { patient_id: patient.id, setup_token: code.body.setup_token }, headers: ip() });
    expect(again.status).toBe(401);
    expect(again.body.detail).toMatch(/already used/);
  });

  it("refuses wrong, replaced, expired and other patients' codes, pairing nothing", async () => {
    const { owner, patient } = await newPatient();
    const other = await makePatient(owner, { first_name: "Other" });
    const first = (await call(pairingCode.POST, { token: owner.token, params: { id: patient.id } })).body;
    const second = (await call(pairingCode.POST, { token: owner.token, params: { id: patient.id } })).body;
    const attempts = [
      [{ patient_id: patient.id, setup_token: "not-the-token" }, /not valid/],
      [{ patient_id: other.id, setup_token: second.setup_token }, /not valid/],
      [{ patient_id: patient.id, setup_token: first.setup_token }, /replaced/],
    ] as const;
    for (const [body, why] of attempts) {
      const r = await call(setup.POST, { body, headers: ip() });
      expect(r.status).toBe(401);
      expect(r.body.detail).toMatch(why);
    }
    await db.pairingCode.updateMany({ where: { patientId: patient.id, voidedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call(setup.POST, { body: { patient_id: patient.id, setup_token: second.setup_token }, headers: ip() });
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);
    expect(await db.patientDevice.count({ where: { patientId: patient.id } })).toBe(0);
    const malformed = await call(setup.POST, { body: { patient_id: "123", setup_token: 5 }, headers: ip() });
    expect(malformed.status).toBe(422);
  });

  it("limits setup attempts per patient", async () => {
    const { patient } = await newPatient();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await call(setup.POST, { body: { patient_id: patient.id, setup_token: `guess-${i}` }, headers: ip() })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("spent guesses cannot block the family: with the patient's budget used up by wrong tokens, the real QR code still pairs", async () => {
    const { owner, patient } = await newPatient();
    const code = (await call(pairingCode.POST, { token: owner.token, params: { id: patient.id } })).body;
    for (let i = 0; i < 15; i++) await call(setup.POST, { body: { patient_id: patient.id, setup_token: `garbage-${i}` }, headers: ip() });
    expect((await call(setup.POST, { body: { patient_id: patient.id, setup_token: "garbage-again" }, headers: ip() })).status).toBe(429);
    const paired = await call(setup.POST, { body: { patient_id: patient.id, setup_token: code.setup_token }, headers: ip() });
    expect(paired.status).toBe(200);
    expect(await db.patientDevice.count({ where: { patientId: patient.id } })).toBe(1);
  });

  it("limits attempts per address, the address being what our proxy saw: a new left-most X-Forwarded-For entry per request escapes nothing", async () => {
    const address = `10.31.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const statuses = [];
    for (let i = 0; i < 21; i++) {
      // a different patient each time (no patient's budget is reached) and a forged entry the client chose
      const body = { patient_id: crypto.randomUUID(), setup_token: `guess-${i}` };
      statuses.push((await call(setup.POST, { body, headers: { "x-forwarded-for": `203.0.113.${i}, ${address}` } })).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it("viewers cannot make pairing codes; the code lifetime follows the organization's settings", async () => {
    const { owner, patient } = await newPatient();
    const viewer = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(patient.id, viewer.id, "viewer");
    expect((await call(pairingCode.POST, { token: viewer.token, params: { id: patient.id } })).status).toBe(403);
    await db.organization.update({ where: { id: owner.organizationId }, data: { settings: { pairing: { code_ttl_minutes: 60 } } } });
    const code = await call(pairingCode.POST, { token: owner.token, params: { id: patient.id } });
    expect((Date.parse(code.body.expires_at) - Date.now()) / 60_000).toBeGreaterThan(59);
  });
});

describe("the phone's calls", () => {
  it("registers push tokens, several per device, each stored once", async () => {
    const { patient } = await newPatient();
    const { credential, deviceId } = await pairDevice(patient.id);
    const body = { patient_id: patient.id, device_token: "fcm-token-1", platform: "iOS", app_version: "1.0.1" };
    const r = await call(deviceToken.POST, { token: credential, body });
    expect(r).toMatchObject({ status: 200, body: { success: true, message: "Device token registered successfully" } });
    await call(deviceToken.POST, { token: credential, body });
    await call(deviceToken.POST, { token: credential, body: { ...body, device_token: "fcm-token-2" } });
    expect(await db.pushToken.count({ where: { deviceId } })).toBe(2);
    expect((await db.patient.findUniqueOrThrow({ where: { id: patient.id } })).appVersion).toBe("1.0.1");
    expect((await db.patientDevice.findUniqueOrThrow({ where: { id: deviceId } })).platform).toBe("ios");
    expect((await call(deviceToken.POST, { body })).status).toBe(401);
    expect((await call(deviceToken.POST, { token: credential, body: { ...body, platform: "windows" } })).status).toBe(422);
  });

  it("accepts every heartbeat body the app sends and records it", async () => {
    const { owner, patient } = await newPatient();
    const { credential, deviceId } = await pairDevice(patient.id);
    const full = await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: fullHeartbeat });
    expect(full).toMatchObject({ status: 200, body: { success: true, pending_actions: [] } });
    expect((await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: degenerateHeartbeat })).status).toBe(200);
    for (const battery of [-1, -100]) {
      expect((await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: { ...fullHeartbeat, battery_level: battery } })).status).toBe(
        200,
      );
    }
    const rows = await db.activityLog.findMany({ where: { patientId: patient.id }, orderBy: { occurredAt: "asc" } });
    expect(rows.map((r) => r.batteryLevel)).toEqual([87, null, null, null]);
    expect(rows.map((r) => r.activityType)).toEqual(["heartbeat", "heartbeat", "heartbeat", "heartbeat"]);
    expect(rows[0].details).toMatchObject({ app_state: "background" });
    const p = await db.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(p.lastHeartbeatAt).not.toBeNull();
    expect(p.appVersion).toBe("1.0.0");
    expect((await db.patientDevice.findUniqueOrThrow({ where: { id: deviceId } })).batteryLevel).toBe(87);
    const seen = await call(activity.GET, { token: owner.token, params: { id: patient.id }, path: "/api/v1/patients/x/activity?limit=2" });
    expect(seen.body.items).toHaveLength(2);
    expect(seen.body.next_cursor).not.toBeNull();
    expect(seen.body.status).toMatchObject({ online: true, battery_level: 87, app_version: "1.0.0", paired_devices: 1 });
  });

  it("refuses malformed heartbeats with field errors, recording nothing", async () => {
    const { patient } = await newPatient();
    const { credential } = await pairDevice(patient.id);
    for (const body of [
      { battery_level: 150 },
      { battery_level: "full" },
      { latitude: 91 },
      { longitude: -181 },
      { activity_type: "dance" },
      { device_type: "x".repeat(30) },
      { details: "none" },
      { mood: "happy" },
    ]) {
      const r = await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.errors.length).toBeGreaterThan(0);
    }
    expect(await db.activityLog.count({ where: { patientId: patient.id } })).toBe(0);
    expect(
      (await call(heartbeat.POST, { token: credential, params: { id: patient.id }, rawBody: "beat", headers: { "content-type": "text/plain" } })).status,
    ).toBe(415);
  });

  it("lists today's reminders and active schedules, and tells the heartbeat what is due", async () => {
    const { patient } = await newPatient();
    const { credential } = await pairDevice(patient.id);
    await makeSchedule(patient.id, { title: "Metformin", times: ["08:00", "18:00"] });
    await makeSchedule(patient.id, { title: "Old pill", isActive: false });
    const soon = await makeReminder(patient.id, { dueAt: minutes(5), title: "Metformin" });
    await makeReminder(patient.id, { dueAt: minutes(120), title: "Lunch", type: "meal" });
    const list = await call(phoneReminders.GET, { token: credential, params: { id: patient.id } });
    expect(list.status).toBe(200);
    expect(list.body[0]).toMatchObject({ id: soon.id, title: "Metformin", message: "Take with breakfast", type: "medication", status: "pending" });
    expect(list.body[0].due_at).toMatch(/Z$/);
    const schedules = await call(phoneSchedules.GET, { token: credential, params: { id: patient.id } });
    expect(schedules.body.map((s: { title: string }) => s.title)).toEqual(["Metformin"]);
    expect(schedules.body[0].times_of_day).toEqual(["08:00", "18:00"]);
    const hb = await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: fullHeartbeat });
    expect(hb.body.pending_actions).toEqual([
      { type: "reminder_due", reminder_id: soon.id, reminder_type: "medication", title: "Metformin", due_at: soon.dueAt.toISOString() },
    ]);
  });

  it("acknowledges reminders: completed (idempotent), snoozed, and missed then done late", async () => {
    const { owner, patient } = await newPatient();
    const { credential } = await pairDevice(patient.id);
    const done = await makeReminder(patient.id, { dueAt: minutes(-5) });
    const r1 = await call(acknowledge.PUT, {
      method: "PUT",
      token: credential,
      params: { id: done.id },
      body: { status: "completed", patient_response: "took it" },
    });
    expect(r1).toMatchObject({ status: 200, body: { id: done.id, status: "completed", completed_via: "patient_app", patient_response: "took it" } });
    const r2 = await call(acknowledge.PUT, { method: "PUT", token: credential, params: { id: done.id }, body: { status: "completed" } });
    expect(r2.status).toBe(200);
    expect(r2.body.completed_at).toBe(r1.body.completed_at);
    expect((await call(acknowledge.PUT, { method: "PUT", token: credential, params: { id: done.id }, body: { status: "snoozed" } })).status).toBe(409);

    const later = await makeReminder(patient.id, { dueAt: minutes(-1), title: "Lunch", type: "meal" });
    const snoozed = await call(acknowledge.PUT, { method: "PUT", token: credential, params: { id: later.id }, body: { status: "snoozed" } });
    expect(snoozed.body.status).toBe("snoozed");
    expect((Date.parse(snoozed.body.due_at) - Date.now()) / 60_000).toBeGreaterThan(9);

    const schedule = await makeSchedule(patient.id, { title: "Lisinopril", isCritical: true });
    const dose = await makeReminder(patient.id, { dueAt: minutes(-40), title: "Lisinopril", scheduleId: schedule.id });
    const missed = await call(acknowledge.PUT, { method: "PUT", token: credential, params: { id: dose.id }, body: { status: "missed" } });
    expect(missed.body.status).toBe("missed");
    const alerts = await call(inbox.GET, { token: owner.token, path: "/api/v1/alerts?type=missed_medication" });
    expect(alerts.body.items).toHaveLength(1);
    expect(alerts.body.items[0]).toMatchObject({ severity: "high", status: "open", title: "Missed medication: Lisinopril" });
    const late = await call(acknowledge.PUT, { method: "PUT", token: credential, params: { id: dose.id }, body: { status: "completed" } });
    expect(late.body.status).toBe("completed");
    const after = await db.alert.findUniqueOrThrow({ where: { id: alerts.body.items[0].id } });
    expect(after.status).toBe("auto_resolved");
    expect(after.resolutionNote).toMatch(/Confirmed done on the phone/);
    expect(await db.activityLog.count({ where: { patientId: patient.id, activityType: "reminder_response" } })).toBe(4); // the idempotent repeat and the refused snooze record nothing
  });

  it("the emergency button raises one critical alert with battery and location; presses join it", async () => {
    const { owner, patient } = await newPatient();
    const { credential } = await pairDevice(patient.id);
    const body = { ...fullHeartbeat, activity_type: "emergency", battery_level: 23, latitude: 39.78, longitude: -89.65 };
    expect((await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body })).status).toBe(200);
    expect((await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: { ...body, battery_level: 22 } })).status).toBe(200);
    const alerts = await call(inbox.GET, { token: owner.token, path: "/api/v1/alerts" });
    expect(alerts.body.items).toHaveLength(1);
    const a = alerts.body.items[0];
    expect(a).toMatchObject({ type: "emergency", severity: "critical", status: "open", occurrence_count: 2, source: "emergency_button" });
    expect(a.evidence[0]).toMatchObject({ kind: "emergency_button", battery_level: 23, latitude: 39.78, longitude: -89.65 });
    expect(a.description).toContain("39.78000, -89.65000");
  });

  it("a low battery raises one device alert for the care team", async () => {
    const { owner, patient } = await newPatient();
    const { credential } = await pairDevice(patient.id);
    await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: { ...fullHeartbeat, battery_level: 12 } });
    await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: { ...fullHeartbeat, battery_level: 4 } });
    await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: { ...fullHeartbeat, battery_level: -1 } }); // unknown: no alert
    const alerts = await call(inbox.GET, { token: owner.token, path: "/api/v1/alerts?type=device" });
    expect(alerts.body.items).toHaveLength(1);
    expect(alerts.body.items[0]).toMatchObject({ severity: "medium", occurrence_count: 2, title: "Betty Johnson's phone battery is low (4%)" });
  });

  it("a sign of life ends an inactivity episode; background pings do not", async () => {
    const { patient } = await newPatient();
    const { credential } = await pairDevice(patient.id);
    const raised = await raiseAlert(
      db,
      {
        patientId: patient.id,
        type: "inactivity",
        severity: "medium",
        dedupKey: "inactivity",
        title: "Quiet",
        description: "d",
        source: "inactivity:4h",
        evidence: { kind: "rule", at: "now" },
      },
      new Date(),
    );
    await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: degenerateHeartbeat });
    await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: fullHeartbeat });
    expect((await db.alert.findUniqueOrThrow({ where: { id: raised.alertId } })).status).toBe("open");
    await call(heartbeat.POST, {
      token: credential,
      params: { id: patient.id },
      body: { ...fullHeartbeat, activity_type: "app_open", details: { ...fullHeartbeat.details, app_state: "active" } },
    });
    const a = await db.alert.findUniqueOrThrow({ where: { id: raised.alertId }, include: { events: true } });
    expect(a.status).toBe("auto_resolved");
    expect(a.openKey).toBeNull();
    expect(a.resolutionNote).toMatch(/sign of life/);
    expect(a.events.map((e) => e.kind)).toContain("auto_resolved");
  });
});

describe("device credentials", () => {
  it("caregivers list devices and revoke one; a revoked credential gets 401", async () => {
    const { owner, patient } = await newPatient();
    const { credential, deviceId } = await pairDevice(patient.id);
    await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: fullHeartbeat });
    const list = await call(devices.GET, { token: owner.token, params: { id: patient.id } });
    expect(list.body.items).toEqual([expect.objectContaining({ id: deviceId, battery_level: 87, app_version: "1.0.0", revoked_at: null })]);
    const r = await call(revoke.POST, { token: owner.token, params: { id: deviceId } });
    expect(r.status).toBe(200);
    expect(r.body.revoked_at).not.toBeNull();
    expect((await call(heartbeat.POST, { token: credential, params: { id: patient.id }, body: fullHeartbeat })).status).toBe(401);
    const stranger = await makeCaregiver();
    expect((await call(revoke.POST, { token: stranger.token, params: { id: deviceId } })).status).toBe(404);
  });

  it("reaches only its own patient, and no caregiver endpoint", async () => {
    const { owner, patient } = await newPatient();
    const other = await makePatient(owner, { first_name: "Other" });
    const { credential } = await pairDevice(patient.id);
    expect((await call(heartbeat.POST, { token: credential, params: { id: other.id }, body: fullHeartbeat })).status).toBe(404);
    expect((await call(phoneReminders.GET, { token: credential, params: { id: other.id } })).status).toBe(404);
    const theirs = await makeReminder(other.id, { dueAt: minutes(1) });
    expect((await call(acknowledge.PUT, { method: "PUT", token: credential, params: { id: theirs.id }, body: { status: "completed" } })).status).toBe(404);
    expect((await db.reminder.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("pending");
    expect((await call(patientRoute.GET, { token: credential, params: { id: patient.id } })).status).toBe(404);
    // and a caregiver credential is not a device credential
    expect((await call(heartbeat.POST, { token: owner.token, params: { id: patient.id }, body: fullHeartbeat })).status).toBe(404);
    expect((await call(heartbeat.POST, { token: "elda_dev_forged", params: { id: patient.id }, body: fullHeartbeat })).status).toBe(401);
  });
});
