import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver } from "@/lib/testing/factories";
import { recordAudit } from "@/lib/audit/record-audit";
import { applyRetention } from "@/lib/retention/apply-retention";
import * as verifyRoute from "@/app/api/v1/organizations/[id]/audit-events/verify/route";
import * as exportRoute from "@/app/api/v1/organizations/[id]/audit-events/route";
import * as apiKeys from "@/app/api/v1/auth/api-keys/route";
import { canonicalContent, canonicalJson, GENESIS_HASH, rowHash } from "./audit-chain";
import { sealAuditEvents } from "./seal-audit-events";
import { verifyAuditChain } from "./verify-audit-chain";
import { rowsFromExport, verifyExportedRows } from "./read-audit-export";

/**
 * The tamper-evident audit trail (decision 023): each organization's rows chained by the sealing job; a
 * changed, deleted or reordered sealed row is reported at the right link; retention deleting the head keeps
 * the chain verifiable from its anchor; two sealers at once never fork it; the export verifies offline.
 */
const MIN = 60_000;
const T0 = new Date("2026-11-01T09:00:00.000Z");

/** n audit rows, a minute apart, written the way the app writes them */
async function trail(n: number, start = T0) {
  const owner = await makeCaregiver();
  const org = owner.organizationId;
  for (let i = 0; i < n; i++) {
    await recordAudit(db, owner.actor, {
      action: "patient.read",
      targetType: "patient",
      targetId: `t${i}`,
      organizationId: org,
      metadata: { i, nested: { b: 1, a: [1, "x"] } },
      at: new Date(start.getTime() + i * MIN),
    });
  }
  // the factory's own rows (registration...) are at the real clock: keep the chain to this test's rows
  await db.auditEvent.deleteMany({ where: { organizationId: org, action: { not: "patient.read" } } });
  return { owner, org };
}
const bySequence = (org: string) => db.auditEvent.findMany({ where: { organizationId: org }, orderBy: { sequence: "asc" } });

describe("the audit hash chain", () => {
  it("seals rows in (created_at, id) order, each linked to the one before; an unsealed tail is reported as such", async () => {
    const { org } = await trail(5);
    expect(await verifyAuditChain(org, T0)).toMatchObject({ ok: true, sealed: 0, unsealed: 5, verified: 0 });
    expect(await sealAuditEvents(T0, { chains: [org] })).toEqual({ [org]: 5 });
    const rows = await bySequence(org);
    expect(rows.map((r) => Number(r.sequence))).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.targetId)).toEqual(["t0", "t1", "t2", "t3", "t4"]);
    expect(rows[0].previousHash).toBe(GENESIS_HASH);
    for (let i = 1; i < 5; i++) expect(rows[i].previousHash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(org, T0)).toMatchObject({ ok: true, sealed: 5, verified: 5, unsealed: 0, anchor: null, first_broken: null });
    // a row written late (its created_at earlier than sealed ones) joins at the end of the chain
    await db.auditEvent.create({
      data: { organizationId: org, actorType: "system", action: "late", targetType: "job", createdAt: new Date(T0.getTime() - MIN) },
    });
    expect(await verifyAuditChain(org, T0)).toMatchObject({ ok: true, unsealed: 1 });
    await sealAuditEvents(T0, { chains: [org] });
    const late = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org, action: "late" } });
    expect(Number(late.sequence)).toBe(6);
    expect(late.previousHash).toBe((await bySequence(org))[4].hash);
    expect(await verifyAuditChain(org, T0)).toMatchObject({ ok: true, sealed: 6, unsealed: 0 });
  });

  it("a changed row is reported at that row; a changed row re-hashed by the forger, at the next link", async () => {
    const { org } = await trail(6);
    await sealAuditEvents(T0, { chains: [org] });
    const rows = await bySequence(org);
    await db.auditEvent.update({ where: { id: rows[2].id }, data: { action: "patient.updated" } });
    expect((await verifyAuditChain(org, T0)).first_broken).toEqual({ id: rows[2].id, sequence: 3, reason: "content_changed", expected_sequence: 3 });
    // the forger recomputes the changed row's hash: the next row no longer links to it
    const forged = await db.auditEvent.findUniqueOrThrow({ where: { id: rows[2].id } });
    const { chainRow } = await import("./chain-rows");
    await db.auditEvent.update({ where: { id: rows[2].id }, data: { hash: rowHash(chainRow(forged), 3, forged.previousHash!) } });
    const r = await verifyAuditChain(org, T0);
    expect(r).toMatchObject({ ok: false, verified: 3 });
    expect(r.first_broken).toEqual({ id: rows[3].id, sequence: 4, reason: "previous_hash_mismatch", expected_sequence: 4 });
  });

  it("a deleted middle row is reported at the link after the gap", async () => {
    const { org } = await trail(5);
    await sealAuditEvents(T0, { chains: [org] });
    const rows = await bySequence(org);
    await db.auditEvent.delete({ where: { id: rows[2].id } });
    expect((await verifyAuditChain(org, T0)).first_broken).toEqual({ id: rows[3].id, sequence: 4, reason: "missing_rows", expected_sequence: 3 });
  });

  it("rows swapped in order are reported at the first of them", async () => {
    const { org } = await trail(5);
    await sealAuditEvents(T0, { chains: [org] });
    const rows = await bySequence(org);
    // swap the places of rows 2 and 3 (their sequences and links), as someone reordering history would
    await db.$transaction([
      db.auditEvent.update({ where: { id: rows[1].id }, data: { sequence: -1 } }),
      db.auditEvent.update({ where: { id: rows[2].id }, data: { sequence: 2, previousHash: rows[1].previousHash, hash: rows[1].hash } }),
      db.auditEvent.update({ where: { id: rows[1].id }, data: { sequence: 3, previousHash: rows[2].previousHash, hash: rows[2].hash } }),
    ]);
    expect((await verifyAuditChain(org, T0)).first_broken).toEqual({ id: rows[2].id, sequence: 2, reason: "content_changed", expected_sequence: 2 });
  });

  it("retention deletes the head of the chain, records an anchor, and the chain still verifies (and keeps growing)", async () => {
    const old = new Date("2020-01-01T00:00:00Z");
    const { org } = await trail(4, old);
    for (let i = 0; i < 3; i++)
      await db.auditEvent.create({
        data: { organizationId: org, actorType: "system", action: "recent", targetType: "job", createdAt: new Date(T0.getTime() + i * MIN) },
      });
    await sealAuditEvents(T0, { chains: [org] });
    const before = await bySequence(org);
    const counts = await applyRetention(T0, [org]);
    expect(counts.audit).toBe(4);
    const after = await bySequence(org);
    expect(after.map((r) => r.action)).toEqual(["recent", "recent", "recent"]);
    expect(await db.auditChainAnchor.findUniqueOrThrow({ where: { chainId: org } })).toMatchObject({ sequence: 4n, hash: before[3].hash });
    expect(await verifyAuditChain(org, T0)).toMatchObject({ ok: true, verified: 3, anchor: { sequence: 4, hash: before[3].hash } });
    await db.auditEvent.create({
      data: { organizationId: org, actorType: "system", action: "later", targetType: "job", createdAt: new Date(T0.getTime() + 10 * MIN) },
    });
    await sealAuditEvents(T0, { chains: [org] });
    expect(await verifyAuditChain(org, T0)).toMatchObject({ ok: true, verified: 4, last: { sequence: 8 } });
  });

  it("two sealers at once never fork a chain", async () => {
    const { org } = await trail(0);
    await db.auditEvent.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        organizationId: org,
        actorType: "system" as const,
        action: "bulk",
        targetType: "job",
        createdAt: new Date(T0.getTime() + i),
      })),
    });
    const results = await Promise.all([sealAuditEvents(T0, { chains: [org] }), sealAuditEvents(T0, { chains: [org] }), sealAuditEvents(T0)]);
    expect(results.reduce((n, r) => n + (r[org] ?? 0), 0)).toBe(300);
    const rows = await bySequence(org);
    expect(rows.map((r) => Number(r.sequence))).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(await verifyAuditChain(org, T0)).toMatchObject({ ok: true, verified: 300, unsealed: 0 });
  });

  it("the canonical content is documented JSON an auditor can rebuild", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: "x" }] })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
    const row = {
      id: "11111111-1111-4111-8111-111111111111",
      organization_id: "22222222-2222-4222-8222-222222222222",
      created_at: "2026-12-01T09:30:00.123Z",
      actor_type: "caregiver",
      actor_id: null,
      action: "patient.read",
      target_type: "patient",
      target_id: "t",
      patient_id: null,
      request_id: "req",
      ip: null,
      metadata: { z: 1, a: true },
    };
    expect(canonicalContent(row, 7, "ab")).toBe(
      '[7,"ab","11111111-1111-4111-8111-111111111111","22222222-2222-4222-8222-222222222222","2026-12-01T09:30:00.123Z","caregiver",null,"patient.read","patient","t",null,"req",null,{"a":true,"z":1}]',
    );
  });
});

describe("GET /api/v1/organizations/{id}/audit-events/verify and the export", () => {
  it("owners and admins see the report; members get 403, others 404, no credential 401, a bad id 422; a read key may verify", async () => {
    const { owner, org } = await trail(3);
    await sealAuditEvents(T0, { chains: [org] });
    const admin = await makeCaregiver({ organizationId: org, role: "admin" });
    const member = await makeCaregiver({ organizationId: org, role: "member" });
    const outsider = await makeCaregiver();
    const verify = (token: string | undefined, id = org) => call(verifyRoute.GET, { token, params: { id } });
    const r = await verify(owner.token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ chain: org, ok: true, verified: 3, first_broken: null, anchor: null, last: { sequence: 3 } });
    // the admin's check finds the owner's check unsealed (the tail), and the caregivers' own rows
    expect((await verify(admin.token)).body.unsealed).toBeGreaterThan(0);
    expect((await verify(member.token)).status).toBe(403);
    expect((await verify(outsider.token)).status).toBe(404);
    expect((await verify(undefined)).status).toBe(401);
    const bad = await verify(owner.token, "not-a-uuid");
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const readKey = (await call(apiKeys.POST, { token: owner.token, body: { name: "Auditor", scopes: ["read"] } })).body.key;
    expect((await verify(readKey)).status).toBe(200);
    const writeKey = (await call(apiKeys.POST, { token: owner.token, body: { name: "Writer", scopes: ["write"] } })).body.key;
    expect((await verify(writeKey)).status).toBe(403);
    expect(await db.auditEvent.count({ where: { organizationId: org, action: "audit.verified" } })).toBe(3);
    // tampering shows through the API too
    const second = (await bySequence(org))[1];
    await db.auditEvent.update({ where: { id: second.id }, data: { ip: "10.9.9.9" } });
    expect((await verify(owner.token)).body).toMatchObject({ ok: false, first_broken: { id: second.id, reason: "content_changed" } });
  });

  it("the JSON and CSV exports carry sequence and hashes; they verify offline, and a changed file does not", async () => {
    const { owner, org } = await trail(4, new Date(Date.now() - 3 * 3_600_000));
    await sealAuditEvents(new Date(), { chains: [org] });
    const json = await call(exportRoute.GET, { token: owner.token, params: { id: org }, path: `/x?limit=100&order=asc` });
    expect(json.body.items[0]).toMatchObject({ sequence: 1, previous_hash: GENESIS_HASH, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const fromJson = verifyExportedRows(rowsFromExport(JSON.stringify(json.body), "json"));
    expect(fromJson).toMatchObject({ ok: true, verified: 4, starts_at_genesis: true });
    const csv = await call(exportRoute.GET, { token: owner.token, params: { id: org }, path: `/x?format=csv` });
    const text = csv.body as unknown as string;
    expect(verifyExportedRows(rowsFromExport(text, "csv"))).toMatchObject({ ok: true, verified: 4 });
    const edited = text.replace("patient.read", "patient.deleted");
    expect(verifyExportedRows(rowsFromExport(edited, "csv"))).toMatchObject({ ok: false, first_broken: { sequence: 1, reason: "content_changed" } });

    // npm run audit:verify -- --file (the script an auditor runs), on the file as downloaded
    const dir = mkdtempSync(path.join(tmpdir(), "audit-"));
    writeFileSync(path.join(dir, "good.csv"), text);
    writeFileSync(path.join(dir, "bad.csv"), edited);
    const script = (args: string[]) =>
      new Promise<{ code: number; out: string; err: string }>((resolve) =>
        execFile(
          path.resolve("node_modules/.bin/tsx"),
          ["--conditions=react-server", "scripts/audit-verify.ts", ...args],
          { cwd: path.resolve(".") },
          (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
        ),
      );
    const run = (file: string) => script(["--file", path.join(dir, file)]);
    const good = await run("good.csv");
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toMatchObject({ ok: true, verified: 4 });
    const badRun = await run("bad.csv");
    expect(badRun.code).toBe(1);
    expect(JSON.parse(badRun.out).first_broken.reason).toBe("content_changed");
    expect((await run("missing.csv")).code).toBe(2);
    // an organization id that is not one is a usage error, before any database is asked
    const notAnId = await script(["--org", "not-a-uuid"]);
    expect(notAnId).toMatchObject({ code: 2, out: "" });
    expect(notAnId.err).toContain("not-a-uuid is not an organization id.");
  });
});
