import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import * as acknowledge from "./[id]/acknowledge/route";
import * as resolve from "./[id]/resolve/route";
import * as notes from "./[id]/notes/route";
import * as bulk from "./acknowledge/route";

async function openAlert(patientId: string, dedupKey = "button") {
  return (
    await raiseAlert(
      db,
      { patientId, type: "emergency", severity: "critical", dedupKey, title: "Help", description: "d", source: "test", evidence: { kind: "rule", at: "now" } },
      new Date(),
    )
  ).alertId;
}

describe("alert lifecycle", () => {
  it("open -> acknowledged (who, when, how) -> resolved with a note; the timeline keeps every step", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const id = await openAlert(p.id);
    const ack = await call(acknowledge.POST, { token: owner.token, params: { id }, body: { note: "Calling her now" } });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: "acknowledged", acknowledged_by: owner.id, acknowledged_via: "api" });
    const again = await call(acknowledge.POST, { token: owner.token, params: { id }, body: {} });
    expect(again.body.acknowledged_at).toBe(ack.body.acknowledged_at);
    const noted = await call(notes.POST, { token: owner.token, params: { id }, body: { note: "She had dropped the phone" } });
    expect(noted.status).toBe(201);
    expect((await call(resolve.POST, { token: owner.token, params: { id }, body: {} })).status).toBe(422);
    const done = await call(resolve.POST, { token: owner.token, params: { id }, body: { note: "She is fine" } });
    expect(done.body).toMatchObject({ status: "resolved", resolution_note: "She is fine", resolved_by: owner.id });
    expect(done.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(["raised", "acknowledged", "note", "resolved"]);
    expect((await call(resolve.POST, { token: owner.token, params: { id }, body: { note: "again" } })).status).toBe(409);
    expect((await call(acknowledge.POST, { token: owner.token, params: { id }, body: {} })).status).toBe(409);
    // the dedup key is free again: a new emergency is a new alert
    expect(await openAlert(p.id)).not.toBe(id);
  });

  it("viewers cannot acknowledge; bulk acknowledge reports what it could not see as not found", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const a = await openAlert(p.id, "a");
    const b = await openAlert(p.id, "b");
    const viewer = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(p.id, viewer.id, "viewer");
    expect((await call(acknowledge.POST, { token: viewer.token, params: { id: a }, body: {} })).status).toBe(403);
    const stranger = await makeCaregiver();
    const theirs = await openAlert((await makePatient(stranger)).id);
    await call(acknowledge.POST, { token: owner.token, params: { id: b }, body: {} });
    const r = await call(bulk.POST, { token: owner.token, body: { ids: [a, b, theirs, "00000000-0000-4000-8000-000000000000"] } });
    expect(r.body).toEqual({ acknowledged: [a], unchanged: [b], not_found: [theirs, "00000000-0000-4000-8000-000000000000"], forbidden: [] });
    // a viewer's selection: what they may only view is reported, and everything else still goes through
    const own = await makePatient(viewer);
    const c = await openAlert(own.id, "c");
    const d = await openAlert(p.id, "d");
    const v = await call(bulk.POST, { token: viewer.token, body: { ids: [d, c] } });
    expect(v.body).toEqual({ acknowledged: [c], unchanged: [], not_found: [], forbidden: [d] });
    expect((await db.alert.findUniqueOrThrow({ where: { id: d } })).status).toBe("open");
    expect((await db.alert.findUniqueOrThrow({ where: { id: theirs } })).status).toBe("open");
    expect((await call(bulk.POST, { token: owner.token, body: { ids: [] } })).status).toBe(422);
  });
});
