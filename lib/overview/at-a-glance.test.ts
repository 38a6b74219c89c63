import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { joinCareTeam, makeCaregiver, makePatient, makeReminder, pairDevice } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { getOverview } from "./at-a-glance";

const NOW = new Date("2026-01-15T14:00:00Z"); // 08:00 in Chicago, 23:00 in Tokyo
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

const alert = (
  patientId: string,
  severity: "low" | "medium" | "high" | "critical",
  key: string,
  type: "emergency" | "inactivity" | "health_concern" | "device" = "health_concern",
) =>
  raiseAlert(
    db,
    {
      patientId,
      type,
      severity,
      dedupKey: key,
      title: `${severity} ${key}`,
      description: "d",
      source: "test",
      evidence: { kind: "rule", at: NOW.toISOString() },
    },
    minutesAgo(10),
  );

async function heardFrom(patientId: string, minutes: number) {
  await pairDevice(patientId);
  await db.patient.update({ where: { id: patientId }, data: { lastHeartbeatAt: minutesAgo(minutes), lastActiveAt: minutesAgo(minutes) } });
}

describe("the home page at a glance", () => {
  it("puts urgent alerts first, then silent patients, then phones offline, then low adherence, then the rest by name", async () => {
    const me = await makeCaregiver();
    const zed = await makePatient(me, { first_name: "Abe", last_name: "Zed" }); // no phone: nothing to worry about yet
    const evans = await makePatient(me, { first_name: "Eve", last_name: "Evans" });
    await heardFrom(evans.id, 5);
    const dale = await makePatient(me, { first_name: "Dan", last_name: "Dale" });
    await heardFrom(dale.id, 5);
    await makeReminder(dale.id, { dueAt: minutesAgo(60), status: "completed" });
    await makeReminder(dale.id, { dueAt: minutesAgo(50), status: "missed" });
    await makeReminder(dale.id, { dueAt: minutesAgo(40), status: "missed" });
    const clark = await makePatient(me, { first_name: "Cora", last_name: "Clark" });
    await heardFrom(clark.id, 120);
    const silent = await makePatient(me, { first_name: "Sam", last_name: "Silent" });
    await heardFrom(silent.id, 5);
    await alert(silent.id, "medium", "inactivity", "inactivity");
    const flat = await makePatient(me, { first_name: "Fay", last_name: "Flat" }); // her phone's battery died this morning
    await heardFrom(flat.id, 5);
    // five minutes after Ann's low alert (below): the newer of the two lows comes first
    await raiseAlert(
      db,
      {
        patientId: flat.id,
        type: "device",
        severity: "low",
        dedupKey: "phone_offline",
        title: "low phone_offline",
        description: "d",
        source: "test",
        evidence: { kind: "rule", at: NOW.toISOString() },
      },
      minutesAgo(5),
    );
    const brown = await makePatient(me, { first_name: "Bob", last_name: "Brown" });
    await heardFrom(brown.id, 5);
    await alert(brown.id, "high", "h1");
    const adams = await makePatient(me, { first_name: "Ann", last_name: "Adams" });
    await heardFrom(adams.id, 5);
    await alert(adams.id, "critical", "c1", "emergency");
    await alert(adams.id, "low", "l1");

    const o = await getOverview(me.actor, NOW);
    expect(o.patients.map((p) => [p.full_name, p.attention])).toEqual([
      ["Ann Adams", "urgent_alerts"],
      ["Bob Brown", "urgent_alerts"],
      ["Sam Silent", "inactive"],
      ["Fay Flat", "phone_offline"],
      ["Cora Clark", "offline"],
      ["Dan Dale", "low_adherence"],
      ["Eve Evans", null],
      ["Abe Zed", null],
    ]);
    const ann = o.patients[0];
    expect(ann.open_alerts).toEqual({ critical: 1, high: 0, medium: 0, low: 1, total: 2, inactivity: 0 });
    expect(o.patients.find((p) => p.id === dale.id)!.adherence_today).toEqual({ due: 3, completed: 1, ratio: 0.333 });
    expect(o.patients.find((p) => p.id === zed.id)!.device).toMatchObject({ paired: false, online: false, phone_offline: false, last_heartbeat_at: null });
    expect(o.patients.find((p) => p.id === flat.id)!.device).toMatchObject({ paired: true, phone_offline: true });
    // the open alerts across patients: worst first
    expect(o.open_alert_total).toBe(5);
    expect(o.open_alerts.map((a) => [a.patient_name, a.severity])).toEqual([
      ["Ann Adams", "critical"],
      ["Bob Brown", "high"],
      ["Sam Silent", "medium"],
      ["Fay Flat", "low"],
      ["Ann Adams", "low"],
    ]);
    expect(o.open_alerts[0]).toMatchObject({ type: "emergency", status: "open", nobody_reached: false });
  });

  it("while monitoring is paused, a quiet phone or an episode is not a reason for attention, and the pause is shown until it ends", async () => {
    const me = await makeCaregiver();
    const p = await makePatient(me, { first_name: "Hal", last_name: "Hospital" });
    await heardFrom(p.id, 600);
    await alert(p.id, "low", "phone_offline", "device");
    const until = new Date(NOW.getTime() + 3 * 86_400_000);
    await db.patient.update({ where: { id: p.id }, data: { monitoringPausedUntil: until } });
    expect((await getOverview(me.actor, NOW)).patients[0]).toMatchObject({
      attention: null,
      monitoring_paused_until: until.toISOString(),
      device: { phone_offline: true },
    });
    const after = (await getOverview(me.actor, new Date(until.getTime() + 1))).patients[0];
    expect(after).toMatchObject({ attention: "phone_offline", monitoring_paused_until: null });
  });

  it("counts a phone heard from 30 minutes ago as online, and 31 minutes ago as offline", async () => {
    const me = await makeCaregiver();
    const p = await makePatient(me);
    await heardFrom(p.id, 30);
    expect((await getOverview(me.actor, NOW)).patients[0]).toMatchObject({ attention: null, device: { paired: true, online: true } });
    const later = new Date(NOW.getTime() + 60_000);
    expect((await getOverview(me.actor, later)).patients[0]).toMatchObject({
      attention: "offline",
      device: { paired: true, online: false, last_heartbeat_at: minutesAgo(30).toISOString() },
    });
  });

  it("reads today's adherence in the patient's own time zone and shows the next reminder and last mood", async () => {
    const me = await makeCaregiver();
    const tokyo = await makePatient(me, { first_name: "Tomo", timezone: "Asia/Tokyo" });
    const chicago = await makePatient(me, { first_name: "Chet", timezone: "America/Chicago" });
    for (const p of [tokyo, chicago]) {
      await makeReminder(p.id, { dueAt: new Date("2026-01-14T14:00:00Z"), status: "missed" }); // Tokyo: yesterday 23:00; Chicago: yesterday
      await makeReminder(p.id, { dueAt: new Date("2026-01-14T16:00:00Z"), status: "completed" }); // Tokyo: today 01:00; Chicago: yesterday
      await makeReminder(p.id, { dueAt: new Date("2026-01-15T13:00:00Z"), status: "completed" }); // Tokyo: today 22:00; Chicago: today 07:00
      const skipped = await makeReminder(p.id, { dueAt: new Date("2026-01-15T13:30:00Z") });
      await db.reminder.update({ where: { id: skipped.id }, data: { status: "skipped", nextActionAt: null } });
      await makeReminder(p.id, { dueAt: new Date("2026-01-15T15:00:00Z"), title: "Lunch" });
      await makeReminder(p.id, { dueAt: new Date("2026-01-15T14:30:00Z"), title: "Metformin" });
    }
    await db.conversation.create({
      data: { patientId: tokyo.id, conversationType: "spontaneous", startedAt: minutesAgo(300), lastTurnAt: minutesAgo(290), sentiment: "positive" },
    });
    await db.conversation.create({
      data: { patientId: tokyo.id, conversationType: "check_in", startedAt: minutesAgo(60), lastTurnAt: minutesAgo(55), sentiment: "concerned" },
    });

    const o = await getOverview(me.actor, NOW);
    const t = o.patients.find((p) => p.id === tokyo.id)!;
    const c = o.patients.find((p) => p.id === chicago.id)!;
    expect(t.adherence_today).toEqual({ due: 2, completed: 2, ratio: 1 });
    expect(c.adherence_today).toEqual({ due: 1, completed: 1, ratio: 1 });
    expect(t.next_reminder).toEqual({ title: "Metformin", due_at: "2026-01-15T14:30:00.000Z" });
    expect(t.last_conversation).toEqual({ sentiment: "concerned", at: minutesAgo(55).toISOString() });
    expect(c.last_conversation).toBeNull();
    // 90 minutes later it is 00:30 tomorrow in Tokyo: a new day, where only "Lunch" (00:00) has been due
    const tomorrowInTokyo = new Date("2026-01-15T15:30:00Z");
    expect((await getOverview(me.actor, tomorrowInTokyo)).patients.find((p) => p.id === tokyo.id)!.adherence_today).toEqual({ due: 1, completed: 0, ratio: 0 });
  });

  it("shows only the patients the caregiver may see, never anyone else's, and records the read", async () => {
    const owner = await makeCaregiver();
    const mine = await makePatient(owner, { first_name: "Mine" });
    const theirs = await makePatient(owner, { first_name: "Theirs" });
    await alert(theirs.id, "critical", "x", "emergency");
    const stranger = await makeCaregiver();
    const strangers = await makePatient(stranger, { first_name: "Hidden" });
    await alert(strangers.id, "critical", "y", "emergency");
    const member = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(mine.id, member.id, "viewer");

    const seen = await getOverview(member.actor, NOW);
    expect(seen.patients.map((p) => p.id)).toEqual([mine.id]);
    expect(seen.open_alerts).toEqual([]);
    expect(seen.open_alert_total).toBe(0);
    const ownerView = await getOverview(owner.actor, NOW);
    expect(ownerView.patients.map((p) => p.full_name).sort()).toEqual(["Mine Johnson", "Theirs Johnson"]);
    expect(ownerView.open_alerts.map((a) => a.patient_id)).toEqual([theirs.id]);
    const audits = () => db.auditEvent.findMany({ where: { actorId: member.id, action: "overview.read" }, orderBy: { createdAt: "asc" } });
    expect((await audits()).map((a) => a.metadata)).toEqual([
      { count: 1, patient_ids: [mine.id], session_id: member.actor.sessionId ?? null, api_key_id: null },
    ]);
    // the page polls: the same view again is not a new row; a different set of patients is
    await getOverview(member.actor, NOW);
    expect(await audits()).toHaveLength(1);
    await joinCareTeam(theirs.id, member.id, "viewer");
    await getOverview(member.actor, NOW);
    // (both rows carry the same clock time: compare as a set)
    expect((await audits()).map((a) => (a.metadata as { count: number }).count).sort()).toEqual([1, 2]);
    // the same view a quarter of an hour later, or from another session, is on record again
    await getOverview(member.actor, new Date(NOW.getTime() + 15 * 60_000 + 1));
    await getOverview({ ...member.actor, sessionId: "another-session" }, NOW);
    expect(await audits()).toHaveLength(4);
  });

  it("is empty for a caregiver without patients", async () => {
    const me = await makeCaregiver();
    expect(await getOverview(me.actor, NOW)).toEqual({
      generated_at: NOW.toISOString(),
      patients: [],
      patient_total: 0,
      attention_total: 0,
      next_cursor: null,
      open_alerts: [],
      open_alert_total: 0,
    });
  });
});
