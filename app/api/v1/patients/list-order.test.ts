import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient, type TestCaregiver } from "@/lib/testing/factories";
import * as patients from "./route";
import * as facilities from "../organizations/[id]/facilities/route";
import * as apiKeys from "../auth/api-keys/route";

/**
 * The patient list over a scope of every kind at once (docs/decisions/034-hot-paths.md: one ordered scan per
 * organization and facility, merged): the caregiver owns one organization, administers one facility of a
 * second and is on the care team of one patient of a third. Every sort and order, walked two at a time,
 * gives each visible patient exactly once, in order, and nobody else.
 */
interface Item {
  id: string;
  first_name: string;
  last_name: string;
  created_at: string;
  updated_at: string;
  my_standing: string | null;
}

let me: TestCaregiver;
const visible = new Map<string, string | null>(); // id -> my standing
let inactiveId: string;
let thirdOrg: string;
let strangerOrg: string;

beforeAll(async () => {
  me = await makeCaregiver();
  for (const [first, last] of [
    ["Ann", "Lee"],
    ["Ann", "Lee"],
    ["Cora", "Baker"],
    ["Dora", "Under_score"],
    ["Eve", "Underxscore"],
  ]) {
    visible.set((await makePatient(me, { first_name: first, last_name: last })).id, "primary");
  }
  const gone = await makePatient(me, { first_name: "Gone", last_name: "Away" });
  await db.patient.update({ where: { id: gone.id }, data: { isActive: false } });
  inactiveId = gone.id;

  // a second organization: the caregiver administers its facility "North" only
  const owner2 = await makeCaregiver();
  const north = (await call(facilities.POST, { token: owner2.token, params: { id: owner2.organizationId }, body: { name: "North" } })).body.id as string;
  await db.membership.create({ data: { organizationId: owner2.organizationId, caregiverId: me.id, role: "admin", facilityIds: [north] } });
  for (const [first, last] of [
    ["Ann", "Lee"],
    ["Fay", "Adams"],
    ["Gus", "Zimmer"],
  ]) {
    visible.set((await makePatient(owner2, { first_name: first, last_name: last, facility_id: north })).id, null);
  }
  await makePatient(owner2, { first_name: "Hidden", last_name: "Mainfacility" });

  // a third organization: one patient whose care team the caregiver is on
  const owner3 = await makeCaregiver();
  thirdOrg = owner3.organizationId;
  const mine = await makePatient(owner3, { first_name: "Ivy", last_name: "Lee" });
  await joinCareTeam(mine.id, me.id, "viewer");
  visible.set(mine.id, "viewer");
  await makePatient(owner3, { first_name: "Jon", last_name: "Notmine" });
  const stranger = await makeCaregiver();
  strangerOrg = stranger.organizationId;
  await makePatient(stranger, { first_name: "Kim", last_name: "Stranger" });
  // moves one patient's updated_at past the others' so that order differs from created_at
  await db.patient.update({ where: { id: [...visible.keys()][0] }, data: { preferredName: "Annie" } });
});

async function walk(query: string): Promise<{ items: Item[]; totals: (number | undefined)[] }> {
  const items: Item[] = [];
  const totals: (number | undefined)[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const path: string = `/api/v1/patients?limit=2&${query}${cursor ? `&cursor=${cursor}` : ""}`;
    const r = await call<{ items: Item[]; next_cursor: string | null; total?: number }>(patients.GET, { token: me.token, path });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    items.push(...r.body.items);
    totals.push(r.body.total);
    cursor = r.body.next_cursor;
    if (!cursor) return { items, totals };
  }
  throw new Error("the walk did not end");
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKeys: Record<string, (a: Item, b: Item) => number> = {
  name: (a, b) => compare(a.last_name, b.last_name) || compare(a.first_name, b.first_name) || compare(a.id, b.id),
  created_at: (a, b) => compare(a.created_at, b.created_at) || compare(a.id, b.id),
  updated_at: (a, b) => compare(a.updated_at, b.updated_at) || compare(a.id, b.id),
};

describe("the patient list over organizations, facilities and care teams at once", () => {
  for (const sort of ["name", "created_at", "updated_at"]) {
    for (const order of ["asc", "desc"]) {
      it(`walks sort=${sort}&order=${order} page by page: everyone visible once, in order`, async () => {
        const { items, totals } = await walk(`sort=${sort}&order=${order}`);
        expect(new Set(items.map((p) => p.id))).toEqual(new Set(visible.keys()));
        expect(items).toHaveLength(visible.size);
        const expected = [...items].sort(byKeys[sort]);
        if (order === "desc") expected.reverse();
        expect(items.map((p) => p.id)).toEqual(expected.map((p) => p.id));
        expect(new Set(totals)).toEqual(new Set([visible.size]));
        for (const p of items) expect(p.my_standing, `${p.first_name} ${p.last_name}`).toBe(visible.get(p.id));
      });
    }
  }

  it("the two Ann Lees of one organization and the one of the facility come in id order", async () => {
    const { items } = await walk("sort=name&q=ann");
    const lees = items.filter((p) => p.last_name === "Lee").map((p) => p.id);
    expect(lees).toHaveLength(3);
    expect(lees).toEqual([...lees].sort());
  });

  it("searches names literally: _ and % are characters, not wildcards", async () => {
    const underscore = await call(patients.GET, { token: me.token, path: "/api/v1/patients?q=r_s" });
    expect(underscore.body.items.map((p: Item) => p.last_name)).toEqual(["Under_score"]);
    expect((await call(patients.GET, { token: me.token, path: "/api/v1/patients?q=%25" })).body.total).toBe(0);
    // every term must match some name; a term that matches nobody visible empties the list
    expect((await call(patients.GET, { token: me.token, path: "/api/v1/patients?q=lee%20ivy" })).body.items.map((p: Item) => p.first_name)).toEqual(["Ivy"]);
    expect((await call(patients.GET, { token: me.token, path: "/api/v1/patients?q=mainfacility" })).body.total).toBe(0);
  });

  it("include_inactive adds the inactive patient; facility_id narrows to the facility", async () => {
    const all = await walk("include_inactive=true");
    expect(all.items.map((p) => p.id)).toContain(inactiveId);
    expect(all.items).toHaveLength(visible.size + 1);
    const none = await call(patients.GET, { token: me.token, path: `/api/v1/patients?facility_id=${me.organizationId}` });
    expect(none.body).toMatchObject({ items: [], total: 0, next_cursor: null });
  });

  it("puts each read on record: who, from where, through which key, and the patients shown in order", async () => {
    const key = (await call(apiKeys.POST, { token: me.token, body: { name: "Wall display", scopes: ["read"] } })).body;
    const r = await call(patients.GET, { token: key.key, path: "/api/v1/patients?limit=3&sort=name", headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(r.status).toBe(200);
    const row = await db.auditEvent.findFirstOrThrow({ where: { requestId: r.headers.get("x-request-id") } });
    expect(row).toMatchObject({ action: "patient.listed", targetType: "patient", actorType: "api_key", actorId: me.id, ip: "203.0.113.9" });
    expect(row.metadata).toEqual({ count: 3, patient_ids: r.body.items.map((p: Item) => p.id), api_key_id: key.id });
    // an empty page is a read too
    const none = await call(patients.GET, { token: me.token, path: "/api/v1/patients?q=nobody" });
    const empty = await db.auditEvent.findFirstOrThrow({ where: { requestId: none.headers.get("x-request-id") } });
    expect(empty).toMatchObject({ actorType: "caregiver", actorId: me.id, metadata: { count: 0, patient_ids: [] } });
  });

  it("organization_id keeps one organization's part of the scope; another organization's id gives nothing of it", async () => {
    const third = await call(patients.GET, { token: me.token, path: `/api/v1/patients?organization_id=${thirdOrg}` });
    expect(third.body.items.map((p: Item) => p.first_name)).toEqual(["Ivy"]);
    const elsewhere = await call(patients.GET, { token: me.token, path: `/api/v1/patients?organization_id=${strangerOrg}` });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body).toMatchObject({ items: [], total: 0, next_cursor: null });
    const byName = await call(patients.GET, { token: me.token, path: `/api/v1/patients?q=stranger` });
    expect(byName.body).toMatchObject({ items: [], total: 0 });
    expect((await call(patients.GET, { token: me.token, path: "/api/v1/patients?organization_id=not-a-uuid" })).status).toBe(422);
  });
});
