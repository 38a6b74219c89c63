import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver } from "@/lib/testing/factories";
import * as patients from "@/app/api/v1/patients/route";
import * as me from "@/app/api/v1/auth/me/route";

async function cookieFor(caregiverId: string, sessionId: string) {
  const name = "authjs.session-token";
  const token = await encode({ token: { sub: caregiverId, sid: sessionId }, secret: config().authSecret, salt: name });
  return `${name}=${token}`;
}

const newPatient = { first_name: "Betty", last_name: "Johnson", date_of_birth: "1945-05-15" };

describe("dashboard session cookie", () => {
  it("authenticates reads and same-origin writes; refuses cross-site writes (CSRF)", async () => {
    const cg = await makeCaregiver();
    const cookie = await cookieFor(cg.id, cg.sessionId);
    expect((await call(me.GET, { headers: { cookie } })).status).toBe(200);
    const noOrigin = await call(patients.POST, { headers: { cookie }, body: newPatient });
    expect(noOrigin.status).toBe(403);
    const evil = await call(patients.POST, { headers: { cookie, origin: "https://evil.example", host: "localhost:3000" }, body: newPatient });
    expect(evil.status).toBe(403);
    expect(await db.patient.count({ where: { organizationId: cg.organizationId } })).toBe(0);
    const same = await call(patients.POST, { headers: { cookie, origin: "http://localhost:3000", host: "localhost:3000" }, body: newPatient });
    expect(same.status).toBe(201);
    const fetchMeta = await call(patients.POST, { headers: { cookie, "sec-fetch-site": "same-origin" }, body: newPatient });
    expect(fetchMeta.status).toBe(201);
  });

  it("stops working once its session is revoked, and a forged cookie never works", async () => {
    const cg = await makeCaregiver();
    const cookie = await cookieFor(cg.id, cg.sessionId);
    await db.session.update({ where: { id: cg.sessionId }, data: { revokedAt: new Date() } });
    expect((await call(me.GET, { headers: { cookie } })).status).toBe(401);
    expect((await call(me.GET, { headers: { cookie: "authjs.session-token=forged.value.here" } })).status).toBe(401);
    const other = await makeCaregiver();
    const mixed = await cookieFor(other.id, cg.sessionId); // someone else's session id
    expect((await call(me.GET, { headers: { cookie: mixed } })).status).toBe(401);
  });

  it("a bearer credential wins over the cookie, and a bad bearer is never rescued by the cookie", async () => {
    const a = await makeCaregiver();
    const b = await makeCaregiver();
    const cookie = await cookieFor(a.id, a.sessionId);
    expect((await call(me.GET, { headers: { cookie }, token: b.token })).body.id).toBe(b.id);
    expect((await call(me.GET, { headers: { cookie }, token: "nonsense" })).status).toBe(401);
  });
});
