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

  it("refuses a request without a credential or with a bad one, and unknown query parameters are ignored", async () => {
    const none = await call(overview.GET, { path: "/api/v1/overview" });
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toBe("application/problem+json");
    expect((await call(overview.GET, { path: "/api/v1/overview", token: "not-a-token" })).status).toBe(401);
  });
});
