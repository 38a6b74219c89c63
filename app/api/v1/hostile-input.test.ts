import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call, type CallResult } from "@/lib/testing/http";
import { makeCaregiver, makePatient, makeReminder, makeSchedule, pairDevice, type TestCaregiver } from "@/lib/testing/factories";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import * as apiKeys from "./auth/api-keys/route";
import * as openapi from "./openapi.json/route";

/**
 * The adversarial probe of issue 13, kept: every API route is found from the route files (as the OpenAPI test
 * does), so a new route joins each class on its own. Every hostile request answers 4xx problem+json and
 * changes nothing in the database:
 * - a read-scoped API key on every unsafe method (POST, PUT, PATCH, DELETE): 403 (404 on the phone's own routes);
 * - a NUL character in a body (in every string field the body declares), in a query string, in a path: 400;
 * - a body nested 100,000 levels deep: 400, with no stack overflow;
 * - dates in year 0000 in every query parameter and body field that takes one: 422;
 * - crafted pagination cursors on every list: 422 (`cursor` named), never a database error.
 */
type Handler = Parameters<typeof call>[0];
interface Endpoint {
  name: string;
  verb: string;
  file: string;
  auth: string;
  handler: Handler;
  hasBody: boolean;
  hasQuery: boolean;
  cursor: boolean;
}

const apiDir = path.resolve(import.meta.dirname, "..");
// next-auth's own handler, Inngest's serve() and the benchmark's bare yardstick do not go through route()
const NOT_OURS = new Set(["auth/[...nextauth]/route.ts", "inngest/route.ts", "bench/bare/route.ts"]);
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function endpoints(): Promise<Endpoint[]> {
  const files = (readdirSync(apiDir, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts") && !NOT_OURS.has(f)).sort();
  const out: Endpoint[] = [];
  for (const file of files) {
    const mod = await import(path.join(apiDir, file));
    for (const [verb, handler] of Object.entries(mod)) {
      const spec = (handler as { spec?: { name: string; auth: string; body?: unknown; query?: { shape?: Record<string, unknown> } } }).spec;
      if (!spec) throw new Error(`${file} ${verb} does not go through route()`);
      out.push({
        name: spec.name,
        verb,
        file,
        auth: spec.auth,
        handler: handler as Handler,
        hasBody: !!spec.body,
        hasQuery: !!spec.query,
        cursor: !!spec.query?.shape && "cursor" in spec.query.shape,
      });
    }
  }
  return out;
}

interface World {
  owner: TestCaregiver;
  phone: string;
  readKey: string;
  ids: Record<string, string>;
}

/** The value for a path parameter, named by the segment before it; a route with a new kind of id must be added here. */
function paramsFor(file: string, w: World): Record<string, string> {
  const segments = file.split("/");
  const params: Record<string, string> = {};
  segments.forEach((s, i) => {
    const m = /^\[(\w+)\]$/.exec(s);
    if (!m) return;
    const key = m[1] === "caregiverId" ? "caregivers" : segments[i - 1];
    const id = w.ids[key];
    if (!id) throw new Error(`${file}: the probe has no ${key} id for [${m[1]}]; add one to the world`);
    params[m[1]] = id;
  });
  return params;
}

function credentialFor(e: Endpoint, w: World): string | undefined {
  if (e.auth.startsWith("device")) return w.phone;
  if (e.auth === "public") return undefined;
  return w.owner.token;
}

/** Everything in the database, except what merely using a credential touches (last used / last seen) and the rate-limit counters. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\_prisma%' AND tablename <> 'rate_limit_buckets' ORDER BY tablename`;
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const rows = await db.$queryRawUnsafe<{ h: string | null }[]>(
      `SELECT md5(string_agg(j, ',' ORDER BY j)) AS h FROM (SELECT (to_jsonb(t) - 'last_used_at' - 'last_seen_at')::text AS j FROM "${tablename}" t) s`,
    );
    out[tablename] = rows[0]?.h ?? "empty";
  }
  return out;
}

function expectProblem(r: CallResult, status: number, what: string) {
  expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(status);
  expect(r.headers.get("content-type"), what).toBe("application/problem+json");
  expect(r.body.instance, what).toBe(r.headers.get("x-request-id"));
}

/** The body's string fields, from the OpenAPI document (so the NUL sits where a real value would). */
interface Operation {
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
function stringFields(doc: { paths: Record<string, Record<string, Operation>> }, e: Endpoint) {
  const [verb, p] = e.name.split(" ");
  const schema = doc.paths[p]?.[verb.toLowerCase()]?.requestBody?.content["application/json"]?.schema;
  return Object.entries(schema?.properties ?? {})
    .filter(([, s]) => s.type === "string" || s.anyOf?.some((a) => a.type === "string"))
    .map(([k]) => k);
}
interface JsonSchema {
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
}

let all: Endpoint[];
let w: World;
let doc: Parameters<typeof stringFields>[0];

beforeAll(async () => {
  all = await endpoints();
  doc = (await call(openapi.GET, { path: "/api/v1/openapi.json" })).body;
  const owner = await makeCaregiver();
  const patient = await makePatient(owner);
  const phone = await pairDevice(patient.id);
  const schedule = await makeSchedule(patient.id);
  const reminder = await makeReminder(patient.id, { dueAt: new Date(Date.now() + 3_600_000) });
  const alert = await raiseAlert(
    db,
    {
      patientId: patient.id,
      type: "emergency",
      severity: "critical",
      dedupKey: "probe",
      title: "t",
      description: "d",
      source: "test",
      evidence: { kind: "rule", at: "now" },
    },
    new Date(),
  );
  const note = await db.caregiverNote.create({
    data: { patientId: patient.id, authorId: owner.id, title: "Garden", content: "Roses", category: "preferences" },
  });
  const readKey = (await call(apiKeys.POST, { token: owner.token, body: { name: "Probe", scopes: ["read"] } })).body;
  w = {
    owner,
    phone: phone.credential,
    readKey: readKey.key,
    ids: {
      patients: patient.id,
      organizations: owner.organizationId,
      alerts: alert.alertId,
      schedules: schedule.id,
      reminders: reminder.id,
      notes: note.id,
      devices: phone.deviceId,
      caregivers: owner.id,
      "api-keys": readKey.id,
      facilities: (await db.facility.findFirstOrThrow({ where: { organizationId: owner.organizationId } })).id,
      // no such rows: every probe is refused before they would be looked up
      summaries: crypto.randomUUID(),
      conversations: crypto.randomUUID(),
      consents: crypto.randomUUID(),
      "push-subscriptions": crypto.randomUUID(),
      invitations: crypto.randomUUID(),
      transfers: crypto.randomUUID(),
    },
  };
});

describe("the hostile-input probe (issue 13), over every route file", () => {
  it("finds the routes: writes, bodies and lists", () => {
    expect(all.filter((e) => UNSAFE.has(e.verb)).length).toBeGreaterThan(40);
    expect(all.filter((e) => e.hasBody).length).toBeGreaterThan(25);
    expect(all.filter((e) => e.cursor).length).toBeGreaterThan(8);
  });

  it("a read-scoped API key is refused (403) on every unsafe method, and nothing changes", async () => {
    const before = await snapshot();
    for (const e of all.filter((x) => UNSAFE.has(x.verb))) {
      const r = await call(e.handler, { method: e.verb, token: w.readKey, params: paramsFor(e.file, w), body: {} });
      // the phone's own routes take no caregiver credential at all (404, like any caregiver there)
      expectProblem(r, e.auth.startsWith("device") ? 404 : 403, e.name);
      if (!e.auth.startsWith("device")) expect(r.body.detail, e.name).toContain('"write" scope');
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a NUL character in any string field of any body answers 400, and nothing changes", async () => {
    const before = await snapshot();
    for (const e of all.filter((x) => x.hasBody)) {
      const fields = stringFields(doc, e);
      const body = Object.fromEntries((fields.length ? fields : ["text"]).map((f) => [f, `Betty\u0000`]));
      const r = await call(e.handler, { method: e.verb, token: credentialFor(e, w), params: paramsFor(e.file, w), body });
      expectProblem(r, 400, e.name);
      expect(r.body.detail, e.name).toContain("NUL");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a body nested 100,000 levels deep answers 400 on every endpoint that reads one, without overflowing the stack", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const before = await snapshot();
    for (const e of all.filter((x) => x.hasBody)) {
      const field = stringFields(doc, e)[0] ?? "details";
      const r = await call(e.handler, {
        method: e.verb,
        token: credentialFor(e, w),
        params: paramsFor(e.file, w),
        rawBody: `{"${field}":${deep}}`,
        headers: { "content-type": "application/json" },
      });
      expectProblem(r, 400, e.name);
      expect(r.body.detail, e.name).toMatch(/deeper than \d+ levels/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a NUL character in a query string or a path answers 400", async () => {
    for (const e of all.filter((x) => x.hasQuery)) {
      const r = await call(e.handler, { method: e.verb, token: credentialFor(e, w), params: paramsFor(e.file, w), path: "/probe?q=%00" });
      expectProblem(r, 400, e.name);
    }
    for (const e of all.filter((x) => x.file.includes("[id]") && x.verb === "GET")) {
      const params = { ...paramsFor(e.file, w), id: "\u0000" };
      expectProblem(await call(e.handler, { token: credentialFor(e, w), params }), 400, e.name);
    }
  });

  it("a date or date-time in year 0000 (which PostgreSQL cannot hold) answers 422 in every query string and body field that takes one", async () => {
    let probed = 0;
    for (const e of all) {
      const [verb, p] = e.name.split(" ");
      const op = doc.paths[p]?.[verb.toLowerCase()];
      const year0 = (s: JsonSchema) => (s.format === "date" ? "0000-01-01" : s.format === "date-time" ? "0000-01-01T00:00:00Z" : null);
      for (const q of op?.parameters ?? []) {
        const value = q.in === "query" ? year0(q.schema) : null;
        if (!value) continue;
        const r = await call(e.handler, { token: credentialFor(e, w), params: paramsFor(e.file, w), path: `/probe?${q.name}=${value}` });
        expectProblem(r, 422, `${e.name} ?${q.name}`);
        probed++;
      }
      const props = op?.requestBody?.content["application/json"]?.schema.properties ?? {};
      for (const [name, schema] of Object.entries(props)) {
        const value = year0(schema) ?? (schema.anyOf ?? []).map(year0).find(Boolean);
        if (!value) continue;
        const r = await call(e.handler, { method: e.verb, token: credentialFor(e, w), params: paramsFor(e.file, w), body: { [name]: value } });
        expectProblem(r, 422, `${e.name} ${name}`);
        expect(
          r.body.errors.map((x: { field: string }) => x.field),
          `${e.name} ${name}`,
        ).toContain(name);
        probed++;
      }
    }
    expect(probed).toBeGreaterThan(5);
  });

  it("crafted cursors (a non-UUID id, numbers, objects, year 0, the wrong length) answer 422 naming the cursor on every list", async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const id = crypto.randomUUID();
    const crafted = [
      ["2026-01-01T00:00:00.000Z", "not-a-uuid"],
      ["2026-01-01T00:00:00.000Z", 42],
      ["2026-01-01T00:00:00.000Z", { not: id }],
      [{ gt: "2026-01-01" }, id],
      [12345, id],
      ["0000-01-01T00:00:00.000Z", id],
      ["Johnson", "Betty", "not-a-uuid"],
      [7, 8, id],
      [{ lt: "z" }, null, id],
      [id],
      { id },
      "cursor",
    ].map(b64);
    crafted.push("%%%", "e30");
    for (const e of all.filter((x) => x.cursor)) {
      for (const cursor of crafted) {
        const r = await call(e.handler, { token: credentialFor(e, w), params: paramsFor(e.file, w), path: `/probe?cursor=${encodeURIComponent(cursor)}` });
        expectProblem(r, 422, `${e.name} cursor ${cursor}`);
        expect(r.body.errors.map((x: { field: string }) => x.field)).toContain("cursor");
      }
    }
  });
});
