import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient, joinCareTeam } from "@/lib/testing/factories";
import { raiseAlert } from "./raise-alert";
import { acknowledgeAlertIn } from "./alert-actions";
import { escalateAlerts } from "./escalate-alerts";

const at = (iso: string) => new Date(iso);

/** Sarah (Chicago, quiet hours 22:00-07:00, SMS and email) is first contact; Tom (New York) second. */
async function household() {
  const sarah = await makeCaregiver({ firstName: "Sarah" });
  await db.caregiver.update({ where: { id: sarah.id }, data: { phoneNumber: "+15555550124", timezone: "America/Chicago" } });
  const patient = await makePatient(sarah, { timezone: "America/Chicago" });
  const tom = await makeCaregiver({ organizationId: sarah.organizationId, firstName: "Tom" });
  await db.caregiver.update({
    where: { id: tom.id },
    data: { phoneNumber: "+15555550125", timezone: "America/New_York", preferences: { quiet_hours: { enabled: false } } },
  });
  await joinCareTeam(patient.id, tom.id, "secondary", 2);
  return { sarah, tom, patient };
}

const raise = (patientId: string, severity: "medium" | "high" | "critical", now: Date, dedupKey = "x", type?: "inactivity") =>
  raiseAlert(
    db,
    {
      patientId,
      type: type ?? (severity === "critical" ? "emergency" : "health_concern"),
      severity,
      dedupKey,
      title: "t",
      description: "d",
      source: "test",
      evidence: { kind: "rule", at: now.toISOString() },
    },
    now,
  );
const sent = (alertId: string, caregiverId: string) =>
  db.notificationAttempt
    .findMany({ where: { alertId, caregiverId }, orderBy: { channel: "asc" } })
    .then((rows) => rows.map((r) => `${r.channel}:${r.status}`).sort());

describe("escalation along the care team on a set clock", () => {
  it("a critical emergency at 03:00 reaches Sarah despite her quiet hours, by SMS, email and a call", async () => {
    const { sarah, patient } = await household();
    const t = at("2026-01-15T09:00:00Z"); // 03:00 in Chicago
    const a = await raise(patient.id, "critical", t);
    await escalateAlerts(t);
    expect(await sent(a.alertId, sarah.id)).toEqual(["email:simulated", "sms:simulated", "voice:simulated"]);
  });

  it("nobody acknowledges a critical alert: Tom is called after 5 minutes, then the alert ends 'nobody reached'", async () => {
    const { sarah, tom, patient } = await household();
    const t = at("2026-01-15T15:00:00Z");
    const a = await raise(patient.id, "critical", t);
    await escalateAlerts(t);
    await escalateAlerts(at("2026-01-15T15:04:00Z"));
    expect(await sent(a.alertId, tom.id)).toEqual([]);
    await escalateAlerts(at("2026-01-15T15:05:00Z"));
    expect(await sent(a.alertId, tom.id)).toEqual(["email:simulated", "sms:simulated", "voice:simulated"]);
    expect((await db.alert.findUniqueOrThrow({ where: { id: a.alertId } })).escalationState).toBe("active");
    await escalateAlerts(at("2026-01-15T15:10:00Z"));
    const end = await db.alert.findUniqueOrThrow({ where: { id: a.alertId }, include: { events: true } });
    expect(end).toMatchObject({ escalationState: "exhausted", status: "open" });
    expect(end.nobodyReachedAt?.toISOString()).toBe("2026-01-15T15:10:00.000Z");
    expect(end.events.map((e) => e.kind)).toEqual(["raised", "escalated", "escalated", "nobody_reached"]);
    expect((await sent(a.alertId, sarah.id)).length).toBe(3);
    const { getAlert } = await import("./get-alert");
    const seen = await getAlert(sarah.actor, a.alertId);
    expect(seen.escalation.nobody_reached).toBe(true);
    expect(seen.deliveries.filter((d) => d.channel === "voice").map((d) => d.caregiver_name)).toEqual(["Sarah Tester", "Tom Tester"]);
  });

  it("an acknowledgement stops the escalation", async () => {
    const { sarah, tom, patient } = await household();
    const t = at("2026-01-16T15:00:00Z");
    const a = await raise(patient.id, "critical", t);
    await escalateAlerts(t);
    await acknowledgeAlertIn(db, a.alertId, sarah.id, "sms", undefined, at("2026-01-16T15:02:00Z"));
    await escalateAlerts(at("2026-01-16T15:05:00Z"));
    await escalateAlerts(at("2026-01-16T15:30:00Z"));
    expect(await sent(a.alertId, tom.id)).toEqual([]);
    expect((await db.alert.findUniqueOrThrow({ where: { id: a.alertId } })).escalationState).toBe("acknowledged");
  });

  it("a medium alert at 23:00 skips Sarah in her quiet hours; with nobody reachable it waits until 07:00", async () => {
    const { sarah, tom, patient } = await household();
    await db.caregiver.update({ where: { id: tom.id }, data: { preferences: { alert_threshold: "high" } } }); // Tom: high and above only
    const t = at("2026-01-17T05:00:00Z"); // 23:00 in Chicago
    const a = await raise(patient.id, "medium", t);
    await escalateAlerts(t);
    expect(await sent(a.alertId, sarah.id)).toEqual([]);
    expect(await sent(a.alertId, tom.id)).toEqual([]);
    expect((await db.alert.findUniqueOrThrow({ where: { id: a.alertId } })).nextEscalationAt?.toISOString()).toBe("2026-01-17T13:00:00.000Z");
    await escalateAlerts(at("2026-01-17T12:59:00Z"));
    expect(await sent(a.alertId, sarah.id)).toEqual([]);
    await escalateAlerts(at("2026-01-17T13:00:00Z")); // 07:00
    expect(await sent(a.alertId, sarah.id)).toEqual(["email:simulated", "sms:simulated"]);
  });

  it("the same alert processed twice sends one SMS; a fourth non-critical alert in an hour is held for the digest", async () => {
    const { sarah, patient } = await household();
    const t = at("2026-01-18T16:00:00Z");
    const first = await raise(patient.id, "high", t, "a");
    await Promise.all([escalateAlerts(t), escalateAlerts(t)]);
    expect(await sent(first.alertId, sarah.id)).toEqual(["email:simulated", "sms:simulated"]);
    for (const k of ["b", "c"]) await raise(patient.id, "medium", t, k);
    await escalateAlerts(t);
    const fourth = await raise(patient.id, "medium", at("2026-01-18T16:30:00Z"), "d");
    await escalateAlerts(at("2026-01-18T16:30:00Z"));
    expect(await sent(fourth.alertId, sarah.id)).toEqual(["email:held", "sms:held"]);
    const critical = await raise(patient.id, "critical", at("2026-01-18T16:31:00Z"), "e");
    await escalateAlerts(at("2026-01-18T16:31:00Z"));
    expect(await sent(critical.alertId, sarah.id)).toEqual(["email:simulated", "sms:simulated", "voice:simulated"]);
  });

  it("a rise in severity reopens the alert and notifies again", async () => {
    const { sarah, patient } = await household();
    const t = at("2026-01-19T16:00:00Z");
    const a = await raise(patient.id, "medium", t, "episode", "inactivity");
    await escalateAlerts(t);
    await acknowledgeAlertIn(db, a.alertId, sarah.id, "dashboard", undefined, at("2026-01-19T16:05:00Z"));
    await raise(patient.id, "critical", at("2026-01-19T17:00:00Z"), "episode", "inactivity");
    expect((await db.alert.findUniqueOrThrow({ where: { id: a.alertId } })).status).toBe("open");
    await escalateAlerts(at("2026-01-19T17:00:00Z"));
    expect(await sent(a.alertId, sarah.id)).toEqual(["email:simulated", "email:simulated", "sms:simulated", "sms:simulated", "voice:simulated"]);
  });
});
