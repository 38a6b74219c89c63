import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient, pairDevice, type TestCaregiver } from "@/lib/testing/factories";
import * as consents from "./route";
import * as revoke from "../../../consents/[id]/revoke/route";

let owner: TestCaregiver; // primary
let secondary: TestCaregiver;
let viewer: TestCaregiver;
let admin: TestCaregiver; // org admin, not on the care team
let outsider: TestCaregiver;
let patientId: string;

const list = (token: string | undefined, id = patientId) => call(consents.GET, { token, params: { id } });
const record = (token: string | undefined, body: unknown, id = patientId) => call(consents.POST, { token, params: { id }, body });
const revokeIt = (token: string | undefined, id: string) => call(revoke.POST, { token, params: { id } });
const kindOf = (body: { current: { kind: string; status: string; consent: { id: string } | null }[] }, kind: string) =>
  body.current.find((c) => c.kind === kind)!;

beforeAll(async () => {
  owner = await makeCaregiver();
  patientId = (await makePatient(owner)).id;
  secondary = await makeCaregiver({ organizationId: owner.organizationId });
  viewer = await makeCaregiver({ organizationId: owner.organizationId });
  await joinCareTeam(patientId, secondary.id, "secondary");
  await joinCareTeam(patientId, viewer.id, "viewer");
  admin = await makeCaregiver({ organizationId: owner.organizationId, role: "admin" });
  outsider = await makeCaregiver();
});

describe("consent records", () => {
  it("starts with every kind not recorded", async () => {
    const r = await list(viewer.token);
    expect(r.status).toBe(200);
    expect(r.body.history).toEqual([]);
    expect(r.body.current.map((c: { kind: string }) => c.kind)).toEqual([
      "data_processing",
      "ai_companion",
      "caregiver_sharing",
      "sms_contact",
      "analytics_anonymized",
    ]);
    expect(r.body.current.every((c: { status: string; consent: unknown }) => c.status === "not_recorded" && c.consent === null)).toBe(true);
  });

  it("records a grant with the caregiver who recorded it, and audits it without the note", async () => {
    const r = await record(secondary.token, { kind: "ai_companion", granted: true, given_by: "patient", note: "Said yes at the kitchen table" });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      patient_id: patientId,
      kind: "ai_companion",
      granted: true,
      given_by: "patient",
      note: "Said yes at the kitchen table",
      recorded_by_id: secondary.id,
      revoked_at: null,
      superseded: false,
    });
    const shown = await list(owner.token);
    expect(kindOf(shown.body, "ai_companion")).toMatchObject({ status: "granted", consent: { id: r.body.id } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "consent.recorded", targetId: r.body.id } });
    expect(audit).toMatchObject({
      actorId: secondary.id,
      patientId,
      organizationId: owner.organizationId,
      metadata: { kind: "ai_companion", granted: true, given_by: "patient", supersedes: null },
    });
    expect(JSON.stringify(audit.metadata)).not.toContain("kitchen");
    expect(await db.auditEvent.count({ where: { action: "consent.listed", actorId: owner.id, patientId } })).toBeGreaterThan(0);
  });

  it("a new record of a kind supersedes the earlier ones; the history keeps them all, newest first", async () => {
    const first = await record(owner.token, { kind: "sms_contact", granted: true, given_by: "legal_guardian" });
    const second = await record(admin.token, { kind: "sms_contact", granted: false, given_by: "caregiver_on_behalf" });
    expect(second.status).toBe(201);
    const shown = await list(owner.token);
    expect(kindOf(shown.body, "sms_contact")).toMatchObject({ status: "refused", consent: { id: second.body.id } });
    const sms = shown.body.history.filter((c: { kind: string }) => c.kind === "sms_contact");
    expect(sms.map((c: { id: string; superseded: boolean }) => [c.id, c.superseded])).toEqual([
      [second.body.id, false],
      [first.body.id, true],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "consent.recorded", targetId: second.body.id } });
    expect(audit.metadata).toMatchObject({ supersedes: first.body.id });
    // a superseded record is history: it cannot be revoked
    const old = await revokeIt(owner.token, first.body.id);
    expect(old.status).toBe(409);
    expect(old.body.code).toBe("superseded");
  });

  it("orders records made in the same millisecond by when they arrived", async () => {
    clock.set(new Date());
    try {
      await record(owner.token, { kind: "ai_companion", granted: false, given_by: "patient" });
      const later = await record(owner.token, { kind: "ai_companion", granted: true, given_by: "legal_guardian" });
      expect(kindOf((await list(owner.token)).body, "ai_companion")).toMatchObject({ status: "granted", consent: { id: later.body.id } });
    } finally {
      clock.set(null);
    }
  });

  it("revokes the current record once; a second revocation is a conflict", async () => {
    const c = await record(owner.token, { kind: "caregiver_sharing", granted: true, given_by: "patient" });
    const r = await revokeIt(secondary.token, c.body.id);
    expect(r.status).toBe(200);
    expect(r.body.revoked_at).toEqual(expect.any(String));
    const shown = await list(owner.token);
    expect(kindOf(shown.body, "caregiver_sharing")).toMatchObject({ status: "revoked", consent: { id: c.body.id, revoked_at: r.body.revoked_at } });
    const again = await revokeIt(owner.token, c.body.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("already_revoked");
    const row = await db.consent.findUniqueOrThrow({ where: { id: c.body.id } });
    expect(row.revokedAt?.toISOString()).toBe(r.body.revoked_at);
    expect(await db.auditEvent.count({ where: { action: "consent.revoked", targetId: c.body.id } })).toBe(1);
    // a new grant after a revocation is the current state again
    await record(owner.token, { kind: "caregiver_sharing", granted: true, given_by: "patient" });
    expect(kindOf((await list(owner.token)).body, "caregiver_sharing").status).toBe("granted");
  });

  it("viewers read but cannot record or revoke (403), and nothing changes", async () => {
    const c = await record(owner.token, { kind: "data_processing", granted: true, given_by: "patient" });
    const before = await db.consent.count({ where: { patientId } });
    const w = await record(viewer.token, { kind: "data_processing", granted: false, given_by: "patient" });
    expect(w.status).toBe(403);
    expect((await revokeIt(viewer.token, c.body.id)).status).toBe(403);
    expect(await db.consent.count({ where: { patientId } })).toBe(before);
    expect((await db.consent.findUniqueOrThrow({ where: { id: c.body.id } })).revokedAt).toBeNull();
  });

  it("refuses bad bodies with field errors and records nothing", async () => {
    const before = await db.consent.count({ where: { patientId } });
    const bad = async (body: unknown, field: string) => {
      const r = await record(owner.token, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(
        r.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    };
    await bad({ granted: true, given_by: "patient" }, "kind");
    await bad({ kind: "marketing", granted: true, given_by: "patient" }, "kind");
    await bad({ kind: "ai_companion", given_by: "patient" }, "granted");
    await bad({ kind: "ai_companion", granted: "yes", given_by: "patient" }, "granted");
    await bad({ kind: "ai_companion", granted: true }, "given_by");
    await bad({ kind: "ai_companion", granted: true, given_by: "neighbour" }, "given_by");
    await bad({ kind: "ai_companion", granted: true, given_by: "patient", note: "x".repeat(1001) }, "note");
    await bad({ kind: "ai_companion", granted: true, given_by: "patient", recorded_by_id: outsider.id }, "recorded_by_id");
    expect((await record(owner.token, { kind: "ai_companion", granted: true, given_by: "patient" }, "nope")).status).toBe(422);
    expect((await revokeIt(owner.token, "nope")).status).toBe(422);
    expect(await db.consent.count({ where: { patientId } })).toBe(before);
  });

  it("someone else's patient or consent is not found; no credential is 401; the patient's phone is refused", async () => {
    const c = await record(owner.token, { kind: "analytics_anonymized", granted: true, given_by: "patient" });
    expect((await list(outsider.token)).status).toBe(404);
    expect((await record(outsider.token, { kind: "analytics_anonymized", granted: false, given_by: "patient" })).status).toBe(404);
    const r = await revokeIt(outsider.token, c.body.id);
    expect(r.status).toBe(404);
    expect(r.body.detail).toBe("Consent not found.");
    expect((await revokeIt(owner.token, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await list(owner.token, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await list(undefined)).status).toBe(401);
    expect((await revokeIt(undefined, c.body.id)).status).toBe(401);
    const phone = await pairDevice(patientId);
    expect((await list(phone.credential)).status).toBe(404);
    expect((await db.consent.findUniqueOrThrow({ where: { id: c.body.id } })).revokedAt).toBeNull();
  });
});
