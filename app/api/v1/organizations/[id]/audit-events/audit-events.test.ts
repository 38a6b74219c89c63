import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, type TestCaregiver } from "@/lib/testing/factories";
import { exportAuditEvents } from "@/lib/audit/export-audit";
import { auditExportQuery } from "@/lib/audit/schemas";
import * as apiKeys from "../../../auth/api-keys/route";
import * as auditEvents from "./route";

const HOUR = 60 * 60 * 1000;
let owner: TestCaregiver;
let admin: TestCaregiver;
let member: TestCaregiver;
let outsider: TestCaregiver;
let patientId: string;
let orgId: string;
const ago = (h: number) => new Date(Date.now() - h * HOUR);

/** audit rows written straight to the table, as the rest of the app would have written them */
async function row(
  organizationId: string,
  h: number,
  fields: Partial<{
    action: string;
    actorId: string;
    patientId: string;
    targetId: string;
    targetType: string;
    ip: string;
    requestId: string;
    metadata: object;
  }> = {},
) {
  return db.auditEvent.create({
    data: {
      organizationId,
      actorType: "caregiver",
      actorId: fields.actorId ?? owner.id,
      action: fields.action ?? "test.event",
      targetType: fields.targetType ?? "patient",
      targetId: fields.targetId ?? null,
      patientId: fields.patientId ?? null,
      ip: fields.ip ?? "10.0.0.1",
      requestId: fields.requestId ?? "req-1",
      metadata: fields.metadata ?? {},
      createdAt: ago(h),
    },
  });
}

const get = (token: string | undefined, query = "", id = orgId) =>
  call(auditEvents.GET, { token, params: { id }, path: `/api/v1/organizations/${id}/audit-events${query}` });

let testIds: string[];

beforeAll(async () => {
  owner = await makeCaregiver();
  orgId = owner.organizationId;
  admin = await makeCaregiver({ organizationId: orgId, role: "admin" });
  member = await makeCaregiver({ organizationId: orgId, role: "member" });
  outsider = await makeCaregiver();
  patientId = (await makePatient(owner)).id;
  const rows = [];
  for (let h = 1; h <= 5; h++) rows.push(await row(orgId, h, { patientId: h % 2 ? patientId : undefined, actorId: h === 3 ? admin.id : owner.id }));
  testIds = rows.map((r) => r.id); // newest first
  await row(orgId, 40 * 24, { action: "test.old" }); // older than the default 30 days
  await row(outsider.organizationId, 1); // another organization's trail
  await row(orgId, 0.5, {
    action: "test.inject",
    targetType: "+cmd",
    targetId: '=HYPERLINK("http://evil","x")',
    ip: "@SUM(1)",
    requestId: "-2+3",
    metadata: { fields: ["a,b"], formula: "=1" },
  });
});

describe("GET /api/v1/organizations/{id}/audit-events (JSON)", () => {
  it("gives the owner this organization's rows of the last 30 days, newest first, with every column", async () => {
    const r = await get(owner.token, "?action=test.event");
    expect(r.status).toBe(200);
    expect(r.body.items.map((e: { id: string }) => e.id)).toEqual(testIds);
    expect(r.body.next_cursor).toBeNull();
    expect(r.body.items[0]).toEqual({
      id: testIds[0],
      created_at: expect.any(String),
      actor_type: "caregiver",
      actor_id: owner.id,
      action: "test.event",
      target_type: "patient",
      target_id: null,
      patient_id: patientId,
      request_id: "req-1",
      ip: "10.0.0.1",
      metadata: {},
      organization_id: orgId,
      // not sealed yet: the sealing job has not run (lib/audit/audit-chain.test.ts covers the chain)
      sequence: null,
      previous_hash: null,
      hash: null,
      sealed_at: null,
    });
    // the app's own rows are in the trail too (creating the patient)
    const all = await get(owner.token, "?limit=100");
    expect(all.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["patient.created", "test.inject"]));
    expect(all.body.items.map((e: { action: string }) => e.action)).not.toContain("test.old");
  });

  it("pages with a cursor, without gaps or repeats, in either order", async () => {
    const first = await get(owner.token, "?action=test.event&limit=2");
    expect(first.body.items).toHaveLength(2);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await get(owner.token, `?action=test.event&limit=2&cursor=${first.body.next_cursor}`);
    const third = await get(owner.token, `?action=test.event&limit=2&cursor=${second.body.next_cursor}`);
    expect(third.body.next_cursor).toBeNull();
    expect([...first.body.items, ...second.body.items, ...third.body.items].map((e: { id: string }) => e.id)).toEqual(testIds);
    const asc = await get(owner.token, "?action=test.event&order=asc&limit=100");
    expect(asc.body.items.map((e: { id: string }) => e.id)).toEqual([...testIds].reverse());
  });

  it("filters by patient, actor and range", async () => {
    const byPatient = await get(owner.token, `?action=test.event&patient_id=${patientId}`);
    expect(byPatient.body.items.map((e: { id: string }) => e.id)).toEqual([testIds[0], testIds[2], testIds[4]]);
    const byActor = await get(owner.token, `?actor_id=${admin.id}`);
    expect(byActor.body.items.map((e: { id: string }) => e.id)).toEqual([testIds[2]]);
    const from = ago(60 * 24).toISOString();
    const old = await get(owner.token, `?action=test.old&from=${from}&to=${ago(20 * 24).toISOString()}`);
    expect(old.body.items).toHaveLength(1);
    const narrow = await get(owner.token, `?action=test.event&from=${ago(2.5).toISOString()}&to=${ago(1.5).toISOString()}`);
    expect(narrow.body.items.map((e: { id: string }) => e.id)).toEqual([testIds[1]]);
  });

  it("lets admins and read-only API keys of owners export; the export is itself audited", async () => {
    expect((await get(admin.token, "?action=test.event")).body.items).toHaveLength(5);
    const key = (await call(apiKeys.POST, { token: owner.token, body: { name: "SIEM", scopes: ["read"] } })).body.key;
    expect((await get(key, "?action=test.event")).status).toBe(200);
    const rows = await db.auditEvent.findMany({ where: { action: "audit.exported", organizationId: orgId, actorId: admin.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      targetType: "organization",
      targetId: orgId,
      metadata: expect.objectContaining({ format: "json", rows: 5, filters: ["action"] }),
    });
  });

  it("refuses members (403), outsiders and unknown organizations (404) and anonymous callers (401)", async () => {
    expect((await get(member.token)).status).toBe(403);
    const out = await get(outsider.token);
    expect(out.status).toBe(404);
    expect((await get(owner.token, "", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get(undefined)).status).toBe(401);
    // nobody refused left an export row
    expect(await db.auditEvent.count({ where: { action: "audit.exported", actorId: { in: [member.id, outsider.id] } } })).toBe(0);
  });

  it("refuses bad input with a field error", async () => {
    const bad = async (q: string, field: string) => {
      const r = await get(owner.token, q);
      expect(r.status, q).toBe(422);
      expect(
        r.body.errors.map((e: { field: string }) => e.field),
        q,
      ).toContain(field);
    };
    await bad("?from=yesterday", "from");
    await bad("?to=2026-01-01", "to");
    await bad(`?from=${ago(1).toISOString()}&to=${ago(2).toISOString()}`, "from");
    await bad(`?from=${ago(24 * 367).toISOString()}`, "to");
    await bad("?format=xlsx", "format");
    await bad("?patient_id=42", "patient_id");
    await bad("?actor_id=me", "actor_id");
    await bad("?limit=0", "limit");
    await bad("?cursor=garbage", "cursor");
    await bad("?patient=Betty", "patient");
    expect((await call(auditEvents.GET, { token: owner.token, params: { id: "not-a-uuid" } })).status).toBe(422);
  });
});

describe("GET /api/v1/organizations/{id}/audit-events?format=csv", () => {
  it("downloads every row of the range, oldest first, as an attachment named without PHI", async () => {
    const r = await get(owner.token, "?format=csv&action=test.event");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = r.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="elda-audit-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(disposition).not.toMatch(/Betty|Johnson/);
    const lines = (r.body as string).split("\r\n");
    expect(lines[0]).toBe(
      "id,created_at,actor_type,actor_id,action,target_type,target_id,patient_id,request_id,ip,metadata,organization_id,sequence,previous_hash,hash,sealed_at",
    );
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(1, -1).map((l) => l.split(",")[0])).toEqual([...testIds].reverse());
    const oldest = await db.auditEvent.findUniqueOrThrow({ where: { id: testIds[4] } });
    expect(lines[1].split(",")[1]).toBe(oldest.createdAt.toISOString());
    expect(lines[1]).toContain(`,caregiver,${owner.id},test.event,patient,,${patientId},req-1,10.0.0.1,{}`);
    const exported = await db.auditEvent.findFirst({ where: { action: "audit.exported", actorId: owner.id, metadata: { path: ["format"], equals: "csv" } } });
    expect(exported?.metadata).toMatchObject({ rows: 5, filters: ["action"] });
  });

  it("writes formula-like cells with a leading apostrophe and metadata as quoted JSON", async () => {
    const r = await get(owner.token, "?format=csv&action=test.inject");
    const line = (r.body as string).split("\r\n")[1];
    expect(line).toContain(`,test.inject,'+cmd,"'=HYPERLINK(""http://evil"",""x"")",,'-2+3,'@SUM(1),"{""fields"":[""a,b""],""formula"":""=1""}"`);
  });

  it("streams large ranges in batches", async () => {
    const many = Array.from({ length: 1_205 }, (_, i) => ({
      organizationId: orgId,
      actorType: "system" as const,
      action: "test.bulk",
      targetType: "job",
      createdAt: new Date(Date.now() - 2 * HOUR - i * 1000),
    }));
    await db.auditEvent.createMany({ data: many });
    const r = await get(owner.token, "?format=csv&action=test.bulk");
    const lines = (r.body as string).split("\r\n").slice(1, -1);
    expect(lines).toHaveLength(1_205);
    expect(new Set(lines.map((l) => l.split(",")[0])).size).toBe(1_205);
    const times = lines.map((l) => l.split(",")[1]);
    expect([...times].sort()).toEqual(times);
  });

  it("refuses a file over the row cap and asks for a shorter range, without auditing an export", async () => {
    const q = auditExportQuery.parse({ format: "csv", action: "test.event" });
    const before = await db.auditEvent.count({ where: { action: "audit.exported" } });
    await expect(exportAuditEvents(owner.actor, orgId, q, clock.now(), { maxCsvRows: 4 })).rejects.toMatchObject({
      status: 422,
      message: "The export is too large.",
    });
    expect(await db.auditEvent.count({ where: { action: "audit.exported" } })).toBe(before);
    const ok = await exportAuditEvents(owner.actor, orgId, q, clock.now(), { maxCsvRows: 5 });
    expect(ok).toBeInstanceOf(Response);
  });

  it("refuses members and outsiders before writing anything", async () => {
    expect((await get(member.token, "?format=csv")).status).toBe(403);
    expect((await get(outsider.token, "?format=csv")).status).toBe(404);
  });
});
