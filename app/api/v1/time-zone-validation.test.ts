import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import * as patients from "./patients/route";
import * as patient from "./patients/[id]/route";
import * as register from "./auth/register/route";
import * as me from "./auth/me/route";

/**
 * Every endpoint that takes a time zone takes the same ones (lib/time-zones/check-zone.ts): a name Node
 * accepts and PostgreSQL does not is refused with a 422 naming the zone to send, and changes nothing.
 */
const NODE_ONLY = [
  ["US/Pacific-New", "America/Los_Angeles"],
  ["Canada/East-Saskatchewan", "America/Regina"],
] as const;
const CANONICAL = ["America/Chicago", "Europe/Madrid", "Asia/Kolkata", "America/Argentina/Buenos_Aires"];
const strong = "Correct-horse-battery-staple-7";
const ip = () => `10.31.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

function expectZoneRefused(r: { status: number; body: { errors: { field: string; message: string }[] } }, instead: string) {
  expect(r.status).toBe(422);
  expect(r.body.errors).toEqual([{ field: "timezone", message: expect.stringContaining(`Use the canonical IANA name ${instead} instead`) }]);
}

describe("time zones on every endpoint that takes one", () => {
  it("POST /api/v1/patients: refused, nothing created; canonical zones are taken", async () => {
    const cg = await makeCaregiver();
    for (const [zone, instead] of NODE_ONLY) {
      const r = await call(patients.POST, { token: cg.token, body: { first_name: "Ada", last_name: "Lane", date_of_birth: "1940-02-02", timezone: zone } });
      expectZoneRefused(r, instead);
    }
    expect(await db.patient.count({ where: { organizationId: cg.organizationId } })).toBe(0);
    for (const zone of CANONICAL) {
      const r = await call(patients.POST, { token: cg.token, body: { first_name: "Ada", last_name: "Lane", date_of_birth: "1940-02-02", timezone: zone } });
      expect(r.status).toBe(201);
      expect(r.body.timezone).toBe(zone);
    }
  });

  it("PATCH /api/v1/patients/{id}: refused, the stored zone unchanged", async () => {
    const cg = await makeCaregiver();
    const p = await makePatient(cg, { timezone: "America/Chicago" });
    for (const [zone, instead] of NODE_ONLY) {
      expectZoneRefused(await call(patient.PATCH, { method: "PATCH", token: cg.token, params: { id: p.id }, body: { timezone: zone } }), instead);
    }
    expect((await db.patient.findUniqueOrThrow({ where: { id: p.id } })).timezone).toBe("America/Chicago");
    for (const zone of CANONICAL) {
      const r = await call(patient.PATCH, { method: "PATCH", token: cg.token, params: { id: p.id }, body: { timezone: zone } });
      expect(r.status).toBe(200);
      expect(r.body.timezone).toBe(zone);
    }
  });

  it("POST /api/v1/auth/register: refused, no account created", async () => {
    for (const [zone, instead] of NODE_ONLY) {
      const email = `tz-${randomUUID()}@example.test`;
      const r = await call(register.POST, {
        body: { email, password: strong, first_name: "Tia", last_name: "Zone", timezone: zone },
        headers: { "x-forwarded-for": ip() },
      });
      expectZoneRefused(r, instead);
      expect(await db.caregiver.count({ where: { email } })).toBe(0);
    }
    const r = await call(register.POST, {
      body: { email: `tz-${randomUUID()}@example.test`, password: strong, first_name: "Tia", last_name: "Zone", timezone: "Asia/Kolkata" },
      headers: { "x-forwarded-for": ip() },
    });
    expect(r.status).toBe(201);
    expect(r.body.timezone).toBe("Asia/Kolkata");
  });

  it("PATCH /api/v1/auth/me: refused, the caregiver's zone unchanged", async () => {
    const cg = await makeCaregiver();
    for (const [zone, instead] of NODE_ONLY) {
      expectZoneRefused(await call(me.PATCH, { method: "PATCH", token: cg.token, body: { timezone: zone } }), instead);
    }
    expect((await db.caregiver.findUniqueOrThrow({ where: { id: cg.id } })).timezone).toBe("America/Chicago");
    for (const zone of CANONICAL) {
      const r = await call(me.PATCH, { method: "PATCH", token: cg.token, body: { timezone: zone } });
      expect(r.status).toBe(200);
      expect(r.body.timezone).toBe(zone);
    }
  });

  it("an unknown name gets the general advice; a wrong type is a type error", async () => {
    const cg = await makeCaregiver();
    const p = await makePatient(cg);
    const unknown = await call(patient.PATCH, { method: "PATCH", token: cg.token, params: { id: p.id }, body: { timezone: "Mars/Olympus" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ field: "timezone", message: "Use an IANA time zone such as America/Chicago." }]);
    const wrongType = await call(patient.PATCH, { method: "PATCH", token: cg.token, params: { id: p.id }, body: { timezone: 5 } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors.map((e: { field: string }) => e.field)).toEqual(["timezone"]);
  });
});
