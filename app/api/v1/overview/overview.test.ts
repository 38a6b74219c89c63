import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import * as overview from "./route";

describe("GET /api/v1/overview", () => {
  it("answers the caregiver with their patients and open alerts; nobody else's", async () => {
    const me = await makeCaregiver();
    const betty = await makePatient(me);
    await raiseAlert(
      db,
      {
        patientId: betty.id,
        type: "emergency",
        severity: "critical",
        dedupKey: "button",
        title: "Emergency button pressed",
        description: "d",
        source: "test",
        evidence: { kind: "rule", at: "x" },
      },
      new Date(),
    );
    const r = await call(overview.GET, { token: me.token, path: "/api/v1/overview" });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.body.patients).toHaveLength(1);
    expect(r.body.patients[0]).toMatchObject({ id: betty.id, full_name: "Betty Johnson", attention: "urgent_alerts", open_alerts: { critical: 1, total: 1 } });
    expect(r.body.open_alerts.map((a: { title: string }) => a.title)).toEqual(["Emergency button pressed"]);

    const outsider = await makeCaregiver();
    const theirs = await call(overview.GET, { token: outsider.token, path: "/api/v1/overview" });
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ patients: [], open_alerts: [], open_alert_total: 0 });
  });

  it("pages a large view: whoever needs attention fills the first page, counts cover every page, the cursor goes on", async () => {
    const admin = await makeCaregiver();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await makePatient(admin, { first_name: "Calm", last_name: `Patient${i}` })).id);
    const urgent = await makePatient(admin, { first_name: "Zoe", last_name: "Zimmer" }); // last by name, first by need
    await raiseAlert(
      db,
      {
        patientId: urgent.id,
        type: "health_concern",
        severity: "high",
        dedupKey: "k",
        title: "Fell",
        description: "d",
        source: "test",
        evidence: { kind: "rule", at: "x" },
      },
      new Date(),
    );
    const page = (q: string) => call(overview.GET, { token: admin.token, path: `/api/v1/overview?limit=3${q}` });
    const first = await page("");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ patient_total: 8, attention_total: 1, open_alert_total: 1 });
    expect(first.body.patients.map((p: { full_name: string }) => p.full_name)).toEqual(["Zoe Zimmer", "Calm Patient0", "Calm Patient1"]);
    const seen = [...first.body.patients];
    let cursor = first.body.next_cursor;
    while (cursor) {
      const next = await page(`&cursor=${encodeURIComponent(cursor)}`);
      expect(next.status).toBe(200);
      seen.push(...next.body.patients);
      cursor = next.body.next_cursor;
    }
    expect(seen.map((p) => p.id)).toEqual([urgent.id, ...ids]);
    // the last page's cards carry their last two facts too (read for the page only)
    expect(seen[7]).toMatchObject({ last_conversation: null, next_reminder: null });

    // a cursor that is not one of ours is a clear 422, never a wrong page
    for (const bad of ["nope", Buffer.from(JSON.stringify([0, 0, 0, 0, "x", "not-a-uuid"])).toString("base64url")]) {
      const r = await page(`&cursor=${bad}`);
      expect(r.status).toBe(422);
      expect(r.body.errors[0].field).toBe("cursor");
    }
    expect((await page("&limit=0")).status).toBe(422);
  });

  it("narrows to one organization of a caregiver who belongs to several", async () => {
    const daughter = await makeCaregiver();
    const mum = await makePatient(daughter, { first_name: "Mum" });
    const agencyOwner = await makeCaregiver();
    const client = await makePatient(agencyOwner, { first_name: "Client" });
    await db.membership.create({ data: { organizationId: agencyOwner.organizationId, caregiverId: daughter.id, role: "admin" } });
    const names = async (q: string) =>
      (await call(overview.GET, { token: daughter.token, path: `/api/v1/overview${q}` })).body.patients.map((p: { full_name: string }) => p.full_name).sort();
    expect(await names("")).toEqual(["Client Johnson", "Mum Johnson"]);
    expect(await names(`?organization_id=${daughter.organizationId}`)).toEqual(["Mum Johnson"]);
    expect(await names(`?organization_id=${agencyOwner.organizationId}`)).toEqual(["Client Johnson"]);
    // an organization she is not in shows nothing of it
    const stranger = await makeCaregiver();
    await makePatient(stranger);
    expect(await names(`?organization_id=${stranger.organizationId}`)).toEqual([]);
    expect(mum.id).not.toBe(client.id);
  });

  it("refuses a request without a credential or with a bad one, and unknown query parameters are ignored", async () => {
    const none = await call(overview.GET, { path: "/api/v1/overview" });
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toBe("application/problem+json");
    expect((await call(overview.GET, { path: "/api/v1/overview", token: "not-a-token" })).status).toBe(401);
  });
});
