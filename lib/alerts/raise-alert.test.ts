import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { raiseAlert, raiseAlerts, type RaiseAlertInput } from "./raise-alert";

const input = (patientId: string, over: Partial<RaiseAlertInput> = {}): RaiseAlertInput => ({
  patientId,
  type: "emergency",
  severity: "critical",
  dedupKey: "button",
  title: "Emergency button pressed",
  description: "Betty pressed the emergency button.",
  source: "emergency_button",
  evidence: { kind: "heartbeat", at: new Date().toISOString(), battery_level: 40 },
  ...over,
});

describe("raiseAlert", () => {
  it("creates one open alert, then groups repeats as occurrences with their evidence", async () => {
    const p = await makePatient(await makeCaregiver());
    const t0 = new Date("2026-01-15T14:00:00Z");
    const first = await raiseAlert(db, input(p.id), t0);
    expect(first).toMatchObject({ created: true, severityRaised: false, severity: "critical" });
    expect(first.event?.name).toBe("alert/raised");
    const again = await raiseAlert(db, input(p.id, { evidence: { kind: "heartbeat", at: "later", battery_level: 35 } }), new Date("2026-01-15T14:02:00Z"));
    expect(again).toMatchObject({ alertId: first.alertId, created: false, severityRaised: false });
    expect(again.event).toBeNull();
    const row = await db.alert.findUniqueOrThrow({ where: { id: first.alertId } });
    expect(row.occurrenceCount).toBe(2);
    expect(row.lastOccurredAt.toISOString()).toBe("2026-01-15T14:02:00.000Z");
    expect((row.evidence as unknown[]).length).toBe(2);
    expect(await db.alert.count({ where: { patientId: p.id } })).toBe(1);
    const kinds = (await db.alertEvent.findMany({ where: { alertId: first.alertId }, orderBy: { createdAt: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(["raised", "occurrence"]);
  });

  it("raises severity in place and never lowers it", async () => {
    const p = await makePatient(await makeCaregiver());
    const now = new Date();
    const a = await raiseAlert(db, input(p.id, { type: "inactivity", severity: "medium", dedupKey: "episode-1", title: "Quiet for 4 hours" }), now);
    const b = await raiseAlert(db, input(p.id, { type: "inactivity", severity: "high", dedupKey: "episode-1", title: "Quiet for 6 hours" }), now);
    expect(b).toMatchObject({ alertId: a.alertId, severityRaised: true, severity: "high" });
    expect(b.event?.name).toBe("alert/severity-raised");
    const c = await raiseAlert(db, input(p.id, { type: "inactivity", severity: "low", dedupKey: "episode-1", title: "x" }), now);
    expect(c).toMatchObject({ severity: "high", severityRaised: false });
    const row = await db.alert.findUniqueOrThrow({ where: { id: a.alertId } });
    expect(row.title).toBe("Quiet for 6 hours");
  });

  it("keeps different types and dedup keys apart, and opens a new alert once the old one is resolved", async () => {
    const p = await makePatient(await makeCaregiver());
    const now = new Date();
    const a = await raiseAlert(db, input(p.id), now);
    const b = await raiseAlert(db, input(p.id, { dedupKey: "voice" }), now);
    const c = await raiseAlert(db, input(p.id, { type: "health_concern", severity: "high" }), now);
    expect(new Set([a.alertId, b.alertId, c.alertId]).size).toBe(3);
    await db.alert.update({ where: { id: a.alertId }, data: { status: "resolved", openKey: null, resolvedAt: now } });
    const d = await raiseAlert(db, input(p.id), now);
    expect(d.created).toBe(true);
    expect(d.alertId).not.toBe(a.alertId);
  });

  it("never duplicates under concurrent raises", async () => {
    const p = await makePatient(await makeCaregiver());
    const results = await Promise.all(Array.from({ length: 5 }, () => raiseAlert(db, input(p.id), new Date())));
    expect(new Set(results.map((r) => r.alertId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect((await db.alert.findFirstOrThrow({ where: { patientId: p.id } })).occurrenceCount).toBe(5);
  });

  it("raises many at once with the same rules, answering in order; the same open key twice is applied in turn", async () => {
    const p = await makePatient(await makeCaregiver());
    const q = await makePatient(await makeCaregiver());
    const now = new Date("2026-01-15T15:00:00Z");
    const open = await raiseAlert(db, input(q.id, { type: "inactivity", severity: "medium", dedupKey: "e1", title: "Quiet for 4 hours" }), now);
    const out = await raiseAlerts(
      db,
      [
        input(p.id),
        input(q.id, { type: "inactivity", severity: "high", dedupKey: "e1", title: "Quiet for 6 hours" }),
        input(p.id, { evidence: { kind: "heartbeat", at: "again", battery_level: 30 } }),
        input(p.id, { type: "health_concern", severity: "low", recommendedAction: null }),
      ],
      now,
    );
    expect(out.map((r) => [r.created, r.severityRaised, r.severity, r.event?.name ?? null])).toEqual([
      [true, false, "critical", "alert/raised"],
      [false, true, "high", "alert/severity-raised"],
      [false, false, "critical", null],
      [true, false, "low", "alert/raised"],
    ]);
    expect(out[1].alertId).toBe(open.alertId);
    expect(out[2].alertId).toBe(out[0].alertId);
    expect(await db.alert.findUniqueOrThrow({ where: { id: out[0].alertId } })).toMatchObject({ occurrenceCount: 2 });
    expect(await db.alert.findUniqueOrThrow({ where: { id: out[1].alertId } })).toMatchObject({ title: "Quiet for 6 hours", occurrenceCount: 2 });
    expect(await db.alert.findUniqueOrThrow({ where: { id: out[3].alertId } })).toMatchObject({ recommendedAction: null, severity: "low" });
    // all at the same instant: compared as sets
    const kinds = async (alertId: string) => (await db.alertEvent.findMany({ where: { alertId } })).map((e) => e.kind).sort();
    expect(await kinds(out[0].alertId)).toEqual(["occurrence", "raised"]);
    expect(await kinds(open.alertId)).toEqual(["raised", "severity_raised"]);
    expect(await raiseAlerts(db, [], now)).toEqual([]);
  });
});
