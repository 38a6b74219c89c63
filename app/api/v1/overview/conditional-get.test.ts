import { afterEach, describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import * as overview from "./route";
import * as openapi from "../openapi.json/route";

afterEach(() => clock.set(null));

const T = new Date("2026-06-10T09:00:00Z");

describe("conditional GETs of the polled overview", () => {
  it("a poll with the current ETag gets 304 without a body, is audited like a 200, and new data gets a new ETag", async () => {
    const me = await makeCaregiver();
    const betty = await makePatient(me);
    const audits = () => db.auditEvent.count({ where: { actorId: me.id, action: "overview.read" } });
    clock.set(T);
    const first = await call(overview.GET, { token: me.token, path: "/api/v1/overview" });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    // patient data: never stored by a browser or a proxy, conditional or not
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await audits()).toBe(1);

    // ten seconds later, nothing changed but the time of the answer
    clock.set(new Date(T.getTime() + 10_000));
    const same = await call(overview.GET, { token: me.token, path: "/api/v1/overview", headers: { "if-none-match": etag } });
    expect(same.status).toBe(304);
    expect(same.body).toBeNull();
    expect(same.headers.get("etag")).toBe(etag);
    expect(same.headers.get("cache-control")).toBe("no-store");
    // without the tag: the full answer, same tag, a later generated_at
    const full = await call(overview.GET, { token: me.token, path: "/api/v1/overview" });
    expect(full.status).toBe(200);
    expect(full.headers.get("etag")).toBe(etag);
    expect(full.body.generated_at).not.toBe(first.body.generated_at);

    // the read is audited the same way whatever the answer: once per quarter hour, then again
    clock.set(new Date(T.getTime() + 16 * 60_000));
    expect((await call(overview.GET, { token: me.token, path: "/api/v1/overview", headers: { "if-none-match": etag } })).status).toBe(304);
    expect(await audits()).toBe(2);

    // an alert arrives: the poll gets it
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
      clock.now(),
    );
    const changed = await call(overview.GET, { token: me.token, path: "/api/v1/overview", headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(changed.body.open_alerts).toHaveLength(1);

    // a wrong credential with a current tag is refused as ever, never a 304
    expect((await call(overview.GET, { token: "nope", path: "/api/v1/overview", headers: { "if-none-match": etag } })).status).toBe(401);
  });

  it("the OpenAPI document (no patient data) may be cached, and answers 304 to its ETag", async () => {
    const doc = await call(openapi.GET, { path: "/api/v1/openapi.json" });
    expect(doc.status).toBe(200);
    expect(doc.headers.get("cache-control")).toBe("public, max-age=300");
    const again = await call(openapi.GET, { path: "/api/v1/openapi.json", headers: { "if-none-match": `W/"x", ${doc.headers.get("etag")}` } });
    expect(again.status).toBe(304);
    expect(doc.body.paths["/api/v1/overview"].get.responses["304"]).toBeDefined();
  });
});
