import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import * as inbox from "./route";
import * as one from "./[id]/route";
import * as patientAlerts from "../patients/[id]/alerts/route";

async function alertFor(patientId: string, type: "emergency" | "inactivity" | "health_concern", severity: "low" | "medium" | "high" | "critical", at: string) {
  return raiseAlert(
    db,
    { patientId, type, severity, dedupKey: `${type}-${at}`, title: `${type} ${severity}`, description: "d", source: "test", evidence: { kind: "rule", at } },
    new Date(at),
  );
}

describe("alerts inbox and patient alerts", () => {
  it("shows every alert of every patient I can see, with filters, and nothing else", async () => {
    const me = await makeCaregiver();
    const a = await makePatient(me, { first_name: "Ann" });
    const b = await makePatient(me, { first_name: "Bea" });
    const stranger = await makeCaregiver();
    const hidden = await makePatient(stranger);
    await alertFor(a.id, "emergency", "critical", "2026-01-10T10:00:00Z");
    await alertFor(a.id, "inactivity", "medium", "2026-01-11T10:00:00Z");
    await alertFor(b.id, "health_concern", "high", "2026-01-12T10:00:00Z");
    await alertFor(hidden.id, "emergency", "critical", "2026-01-12T10:00:00Z");
    const all = await call(inbox.GET, { token: me.token, path: "/api/v1/alerts" });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((x: { type: string }) => x.type)).toEqual(["health_concern", "inactivity", "emergency"]);
    expect(all.body.items[0]).toMatchObject({ patient_name: "Bea Johnson", status: "open", escalation: { nobody_reached: false } });
    const critical = await call(inbox.GET, { token: me.token, path: "/api/v1/alerts?severity=high,critical" });
    expect(critical.body.items).toHaveLength(2);
    const forA = await call(inbox.GET, { token: me.token, path: `/api/v1/alerts?patient_id=${a.id}&type=inactivity` });
    expect(forA.body.items).toHaveLength(1);
    const ranged = await call(inbox.GET, { token: me.token, path: "/api/v1/alerts?from=2026-01-11T00:00:00Z&to=2026-01-11T23:59:59Z" });
    expect(ranged.body.items.map((x: { type: string }) => x.type)).toEqual(["inactivity"]);
    const paged = await call(inbox.GET, { token: me.token, path: "/api/v1/alerts?limit=2&order=asc" });
    const next = await call(inbox.GET, { token: me.token, path: `/api/v1/alerts?limit=2&order=asc&cursor=${paged.body.next_cursor}` });
    expect([...paged.body.items, ...next.body.items].map((x: { type: string }) => x.type)).toEqual(["emergency", "inactivity", "health_concern"]);
    for (const q of ["severity=urgent", "status=closed", "from=yesterday", "sort=severity"]) {
      expect((await call(inbox.GET, { token: me.token, path: `/api/v1/alerts?${q}` })).status, q).toBe(422);
    }
  });

  it("reads one alert with its evidence and timeline; other patients' alerts are 404", async () => {
    const me = await makeCaregiver();
    const p = await makePatient(me);
    const raised = await alertFor(p.id, "emergency", "critical", "2026-01-10T10:00:00Z");
    const r = await call(one.GET, { token: me.token, params: { id: raised.alertId } });
    expect(r.status).toBe(200);
    expect(r.body.evidence).toEqual([{ kind: "rule", at: "2026-01-10T10:00:00Z" }]);
    expect(r.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(["raised"]);
    const other = await makeCaregiver();
    expect((await call(one.GET, { token: other.token, params: { id: raised.alertId } })).status).toBe(404);
    const list = await call(patientAlerts.GET, { token: me.token, params: { id: p.id }, path: "/api/v1/patients/x/alerts?status=open" });
    expect(list.body.items).toHaveLength(1);
  });

  it("an org member outside the care team sees no alerts; a viewer on the team does", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    await alertFor(p.id, "emergency", "critical", "2026-01-10T10:00:00Z");
    const member = await makeCaregiver({ organizationId: owner.organizationId });
    expect((await call(inbox.GET, { token: member.token, path: "/api/v1/alerts" })).body.items).toEqual([]);
    await joinCareTeam(p.id, member.id, "viewer");
    expect((await call(inbox.GET, { token: member.token, path: "/api/v1/alerts" })).body.items).toHaveLength(1);
  });
});
