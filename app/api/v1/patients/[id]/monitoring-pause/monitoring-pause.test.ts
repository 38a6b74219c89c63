import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient } from "@/lib/testing/factories";
import { appOpen, localAt, pairPhoneAt, receivesNothing } from "@/lib/testing/patient-phone";
import { sweepInactivity } from "@/lib/inactivity/sweep-inactivity";
import * as patientRoute from "../route";
import * as pause from "./route";

/**
 * Pausing monitoring (SPEC §5; docs/decisions/014): while Betty is in hospital no inactivity or phone-offline
 * alert is raised, the open ones end, and when the pause ends silence is counted from its end.
 */
afterEach(() => clock.set(null));

const at = (day: string, hhmm: string) => localAt(day, hhmm);
const open = (patientId: string) =>
  db.alert.findMany({ where: { patientId, status: { in: ["open", "acknowledged"] }, type: { in: ["inactivity", "device"] } }, orderBy: { createdAt: "asc" } });
async function sweep(when: Date) {
  clock.set(when);
  await sweepInactivity(when);
}

/** Betty's phone was last used at 08:00 on Jan 15 and then went quiet: by noon both alerts are open. */
async function quietBetty() {
  const owner = await makeCaregiver();
  await receivesNothing(owner.id);
  const patient = await makePatient(owner, { timezone: "America/Chicago", preferred_name: "Betty" });
  const phone = await pairPhoneAt(patient.id, at("2026-01-15", "07:00"));
  await phone.ping(at("2026-01-15", "08:00"), appOpen);
  await sweep(at("2026-01-15", "10:00"));
  await sweep(at("2026-01-15", "12:00"));
  expect((await open(patient.id)).map((a) => [a.type, a.severity])).toEqual([
    ["device", "low"],
    ["inactivity", "medium"],
  ]);
  return { owner, patient, phone };
}

describe("pausing monitoring", () => {
  it("ends the open inactivity and phone-offline alerts with a note naming who, raises nothing while paused, shows the pause, and is audited", async () => {
    const { owner, patient } = await quietBetty();
    clock.set(at("2026-01-15", "12:10"));
    const r = await call(pause.POST, { token: owner.token, params: { id: patient.id }, body: { until: "2026-01-22", reason: "In hospital" } });
    expect(r.status).toBe(200);
    const until = at("2026-01-22", "00:00").toISOString(); // midnight at the start of that day, her time
    expect(r.body).toMatchObject({
      paused: true,
      until,
      reason: "In hospital",
      paused_at: at("2026-01-15", "12:10").toISOString(),
      paused_by: { id: owner.id, name: "Casey Tester" },
    });
    expect(r.body.ended_alert_ids).toHaveLength(2);
    const ended = await db.alert.findMany({ where: { id: { in: r.body.ended_alert_ids } }, include: { events: true } });
    for (const a of ended) {
      expect(a).toMatchObject({
        status: "resolved",
        openKey: null,
        resolvedById: owner.id,
        resolutionNote: `Casey Tester paused monitoring until ${until} (In hospital).`,
      });
      expect(a.events.map((e) => e.kind)).toContain("resolved");
    }
    for (const when of [at("2026-01-15", "17:00"), at("2026-01-18", "14:00"), at("2026-01-21", "19:55")]) await sweep(when);
    expect(await open(patient.id)).toEqual([]);
    const shown = await call(patientRoute.GET, { token: owner.token, params: { id: patient.id } });
    expect(shown.body).toMatchObject({ monitoring_paused_until: until, monitoring_pause_reason: "In hospital" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { patientId: patient.id, action: "patient.monitoring_paused" } });
    expect(audit).toMatchObject({ actorId: owner.id, metadata: { until, ended_alerts: 2 } });
  });

  it("when the pause ends, silence is counted from its end, not from the week before", async () => {
    const { owner, patient } = await quietBetty();
    clock.set(at("2026-01-15", "12:10"));
    await call(pause.POST, { token: owner.token, params: { id: patient.id }, body: { until: at("2026-01-22", "00:00").toISOString() } });
    await sweep(at("2026-01-22", "09:55"));
    expect(await open(patient.id)).toEqual([]);
    const shown = await call(patientRoute.GET, { token: owner.token, params: { id: patient.id } });
    expect(shown.body.monitoring_paused_until).toBeNull(); // over: nothing says "paused" any more
    await sweep(at("2026-01-22", "10:00")); // two waking hours without her phone since monitoring resumed
    await sweep(at("2026-01-22", "12:00")); // four without a sign of life
    expect((await open(patient.id)).map((a) => [a.type, a.severity])).toEqual([
      ["device", "low"],
      ["inactivity", "medium"],
    ]);
  });

  it("resumes now: silence counts from this moment; resuming when nothing is paused changes nothing", async () => {
    const { owner, patient } = await quietBetty();
    clock.set(at("2026-01-15", "12:10"));
    await call(pause.POST, { token: owner.token, params: { id: patient.id }, body: { until: "2026-01-20" } });
    clock.set(at("2026-01-16", "09:00"));
    const resumed = await call(pause.DELETE, { method: "DELETE", token: owner.token, params: { id: patient.id } });
    expect(resumed).toMatchObject({ status: 200, body: { paused: false, until: null, ended_alert_ids: [] } });
    const again = await call(pause.DELETE, { method: "DELETE", token: owner.token, params: { id: patient.id } });
    expect(again.body.paused).toBe(false);
    expect(await db.auditEvent.count({ where: { patientId: patient.id, action: "patient.monitoring_resumed" } })).toBe(1);
    await sweep(at("2026-01-16", "12:55"));
    expect(await open(patient.id)).toMatchObject([{ type: "device", severity: "low" }]); // 09:00 + 2 h: the phone
    await sweep(at("2026-01-16", "13:00")); // 09:00 + 4 h: the person
    expect((await open(patient.id)).map((a) => a.type)).toEqual(["device", "inactivity"]);
    const state = await call(pause.GET, { token: owner.token, params: { id: patient.id } });
    expect(state.body).toEqual({ paused: false, until: null, reason: null, paused_at: null, paused_by: null, ended_alert_ids: [] });
  });

  it("refuses a past, too distant or malformed end, a bad reason, and viewers; nothing changes", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago" });
    const viewer = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(patient.id, viewer.id, "viewer");
    clock.set(at("2026-01-15", "12:00"));
    const refusals: [unknown, string][] = [
      [{ until: "2026-01-15" }, "until"], // midnight this morning: already past
      [{ until: at("2026-01-15", "11:59").toISOString() }, "until"],
      [{ until: "2026-04-16" }, "until"], // more than 90 days
      [{ until: "next tuesday" }, "until"],
      [{ until: 20260122 }, "until"],
      [{}, "until"],
      [{ until: "2026-01-22", reason: "x".repeat(201) }, "reason"],
      [{ until: "2026-01-22", mood: "fine" }, "mood"],
    ];
    for (const [body, field] of refusals) {
      const r = await call(pause.POST, { token: owner.token, params: { id: patient.id }, body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(
        r.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    // a NUL character is refused before the schema (400, app/api/v1/hostile-input.test.ts)
    expect((await call(pause.POST, { token: owner.token, params: { id: patient.id }, body: { until: "2026-01-22", reason: "hospital\u0000" } })).status).toBe(
      400,
    );
    expect((await call(pause.POST, { token: viewer.token, params: { id: patient.id }, body: { until: "2026-01-22" } })).status).toBe(403);
    expect((await call(pause.DELETE, { method: "DELETE", token: viewer.token, params: { id: patient.id } })).status).toBe(403);
    expect((await call(pause.GET, { token: viewer.token, params: { id: patient.id } })).status).toBe(200);
    const p = await db.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(p.monitoringPausedUntil).toBeNull();
    expect(await db.auditEvent.count({ where: { patientId: patient.id, action: { startsWith: "patient.monitoring_p" } } })).toBe(1); // the viewer's read only
  });
});
