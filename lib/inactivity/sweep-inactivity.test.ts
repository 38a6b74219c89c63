import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { recordHeartbeat } from "@/lib/activity/record-heartbeat";
import { heartbeatInput } from "@/lib/activity/schemas";
import { sweepInactivity } from "./sweep-inactivity";

/** A paired patient in Chicago (UTC-6 in January) whose last sign of life was at `lastActive`. */
async function quietPatient(lastActive: string) {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { timezone: "America/Chicago" });
  const device = await pairDevice(patient.id);
  await db.patient.update({ where: { id: patient.id }, data: { lastActiveAt: new Date(lastActive) } });
  return { patient, device };
}

const at = (iso: string) => new Date(iso);
const episode = (patientId: string) => db.alert.findFirst({ where: { patientId, type: "inactivity" }, include: { events: { orderBy: { createdAt: "asc" } } } });
const checkIns = (patientId: string) => db.notificationAttempt.count({ where: { patientId, purpose: "check_in" } });

describe("inactivity on a set clock (America/Chicago, January)", () => {
  it("silence from 09:00 gives medium at 13:00, the check-in at 15:00, high at 15:15 without an answer, critical at 17:00", async () => {
    const { patient } = await quietPatient("2026-01-15T15:00:00Z"); // 09:00 local
    await sweepInactivity(at("2026-01-15T18:59:00Z")); // 12:59
    expect(await episode(patient.id)).toBeNull();
    await sweepInactivity(at("2026-01-15T19:00:00Z")); // 13:00
    expect(await episode(patient.id)).toMatchObject({ severity: "medium", status: "open" });
    await sweepInactivity(at("2026-01-15T20:59:00Z")); // 14:59
    expect(await checkIns(patient.id)).toBe(0);
    await sweepInactivity(at("2026-01-15T21:00:00Z")); // 15:00: check-in first, still medium
    expect(await checkIns(patient.id)).toBe(1);
    expect((await episode(patient.id))?.severity).toBe("medium");
    await sweepInactivity(at("2026-01-15T21:10:00Z")); // 15:10: inside the window
    expect((await episode(patient.id))?.severity).toBe("medium");
    await sweepInactivity(at("2026-01-15T21:15:00Z")); // 15:15: no answer
    expect((await episode(patient.id))?.severity).toBe("high");
    await sweepInactivity(at("2026-01-15T23:00:00Z")); // 17:00
    const a = await episode(patient.id);
    expect(a).toMatchObject({ severity: "critical", status: "open", occurrenceCount: 3 });
    expect(a!.events.map((e) => e.kind)).toEqual(["raised", "severity_raised", "severity_raised"]);
    expect(await db.alert.count({ where: { patientId: patient.id } })).toBe(1); // one episode, one alert
    expect(await checkIns(patient.id)).toBe(1);
  });

  it("an answer to the check-in ends the episode", async () => {
    const { patient, device } = await quietPatient("2026-01-16T15:00:00Z");
    await sweepInactivity(at("2026-01-16T19:00:00Z"));
    await sweepInactivity(at("2026-01-16T21:00:00Z"));
    await recordHeartbeat({ kind: "device", deviceId: device.deviceId, patientId: patient.id }, patient.id, heartbeatInput.parse({ activity_type: "app_open" }), at("2026-01-16T21:05:00Z"));
    const a = await episode(patient.id);
    expect(a).toMatchObject({ status: "auto_resolved", severity: "medium" });
    await sweepInactivity(at("2026-01-16T21:15:00Z"));
    expect((await episode(patient.id))?.severity).toBe("medium");
    expect(await db.alert.count({ where: { patientId: patient.id, status: "open" } })).toBe(0);
  });

  it("a quiet night raises nothing: silence counts from the start of waking hours", async () => {
    const { patient } = await quietPatient("2026-01-17T01:00:00Z"); // 19:00 local the evening before
    await sweepInactivity(at("2026-01-17T12:00:00Z")); // 06:00 local
    await sweepInactivity(at("2026-01-17T14:00:00Z")); // 08:00 local
    await sweepInactivity(at("2026-01-17T17:59:00Z")); // 11:59 local: 3h59 of waking silence
    expect(await episode(patient.id)).toBeNull();
    await sweepInactivity(at("2026-01-17T18:00:00Z")); // 12:00 local: 4 h since 08:00
    expect((await episode(patient.id))?.severity).toBe("medium");
  });

  it("follows the patient's own waking hours, set through the API", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago", settings: { inactivity: { waking_hours_start: "10:00" } } });
    await pairDevice(patient.id);
    await db.patient.update({ where: { id: patient.id }, data: { lastActiveAt: at("2026-01-19T02:00:00Z") } });
    await sweepInactivity(at("2026-01-19T19:59:00Z")); // 13:59 local: 3h59 since 10:00
    expect(await episode(patient.id)).toBeNull();
    await sweepInactivity(at("2026-01-19T20:00:00Z"));
    expect((await episode(patient.id))?.severity).toBe("medium");
  });

  it("skips never-paired patients and follows the organization's thresholds", async () => {
    const owner = await makeCaregiver();
    const unpaired = await makePatient(owner, { timezone: "America/Chicago" });
    await db.patient.update({ where: { id: unpaired.id }, data: { lastActiveAt: at("2026-01-18T14:00:00Z") } });
    await sweepInactivity(at("2026-01-18T23:00:00Z"));
    expect(await episode(unpaired.id)).toBeNull();
    const { patient } = await quietPatient("2026-01-18T15:00:00Z");
    const p = await db.patient.findUniqueOrThrow({ where: { id: patient.id } });
    await db.organization.update({ where: { id: p.organizationId }, data: { settings: { inactivity: { medium_after_hours: 2, high_after_hours: 3, critical_after_hours: 5 } } } });
    await sweepInactivity(at("2026-01-18T17:00:00Z")); // 11:00 local, 2 h
    expect((await episode(patient.id))?.severity).toBe("medium");
  });
});
