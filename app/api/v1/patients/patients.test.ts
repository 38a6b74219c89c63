import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient } from "@/lib/testing/factories";
import * as patients from "./route";
import * as patient from "./[id]/route";
import * as careTeam from "./[id]/care-team/route";
import * as member from "./[id]/care-team/[caregiverId]/route";

const betty = {
  first_name: "Betty",
  last_name: "Johnson",
  preferred_name: "Grandma Betty",
  date_of_birth: "1945-05-15",
  gender: "female",
  phone_number: "+15555550123",
  medical_conditions: ["Type 2 Diabetes"],
  medications: ["Metformin 500mg"],
  allergies: ["Penicillin"],
  dietary_restrictions: ["Low sodium"],
  personal_context: { hobbies: ["gardening"] },
  timezone: "America/Chicago",
  preferred_voice: "female",
  communication_style: "friendly",
  language: "en",
};

describe("patients", () => {
  it("creates a patient with every profile field and makes the creator primary caregiver", async () => {
    const cg = await makeCaregiver();
    const r = await call(patients.POST, { token: cg.token, body: betty });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      ...betty,
      full_name: "Betty Johnson",
      display_name: "Grandma Betty",
      my_standing: "primary",
      organization_id: cg.organizationId,
    });
    expect(r.body.age).toBeGreaterThanOrEqual(80);
    expect(r.body.created_at).toMatch(/Z$/);
    const team = await call(careTeam.GET, { token: cg.token, params: { id: r.body.id } });
    expect(team.body.items).toEqual([expect.objectContaining({ caregiver_id: cg.id, standing: "primary", contact_order: 1 })]);
    const audit = await db.auditEvent.findFirst({ where: { action: "patient.created", targetId: r.body.id } });
    expect(audit?.actorId).toBe(cg.id);
  });

  it("refuses invalid profiles with one error per field, creating nothing", async () => {
    const cg = await makeCaregiver();
    const r = await call(patients.POST, {
      token: cg.token,
      body: {
        first_name: "",
        date_of_birth: "2990-01-01",
        timezone: "Nowhere/Land",
        preferred_voice: "robot",
        language: "english",
        phone_number: "555",
        favourite: 1,
      },
    });
    expect(r.status).toBe(422);
    const fields = r.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(["date_of_birth", "favourite", "first_name", "language", "last_name", "phone_number", "preferred_voice", "timezone"]);
    expect(await db.patient.count({ where: { organizationId: cg.organizationId } })).toBe(0);
  });

  it("takes per-patient inactivity settings, validated like the organization's", async () => {
    const cg = await makeCaregiver();
    const p = await makePatient(cg);
    const ok = await call(patient.PATCH, {
      method: "PATCH",
      token: cg.token,
      params: { id: p.id },
      body: { settings: { inactivity: { waking_hours_start: "09:30", medium_after_hours: 3 } } },
    });
    expect(ok.body.settings).toEqual({ inactivity: { waking_hours_start: "09:30", medium_after_hours: 3 } });
    for (const settings of [{ inactivity: { medium_after_hours: -1 } }, { billing: {} }, { inactivity: { waking_hours_start: "9am" } }]) {
      expect((await call(patient.PATCH, { method: "PATCH", token: cg.token, params: { id: p.id }, body: { settings } })).status, JSON.stringify(settings)).toBe(
        422,
      );
    }
  });

  it("lists with name search, sort and cursor pagination", async () => {
    const cg = await makeCaregiver();
    for (const [first, last] of [
      ["Ann", "Zed"],
      ["Bob", "Young"],
      ["Cara", "Xu"],
      ["Dan", "Walker"],
      ["Betty", "Johnson"],
    ]) {
      await makePatient(cg, { first_name: first, last_name: last });
    }
    const page1 = await call(patients.GET, { token: cg.token, path: "/api/v1/patients?limit=2&sort=name&order=asc" });
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBe(5);
    expect(page1.body.items.map((p: { last_name: string }) => p.last_name)).toEqual(["Johnson", "Walker"]);
    const page2 = await call(patients.GET, { token: cg.token, path: `/api/v1/patients?limit=2&sort=name&order=asc&cursor=${page1.body.next_cursor}` });
    expect(page2.body.items.map((p: { last_name: string }) => p.last_name)).toEqual(["Xu", "Young"]);
    const page3 = await call(patients.GET, { token: cg.token, path: `/api/v1/patients?limit=2&sort=name&order=asc&cursor=${page2.body.next_cursor}` });
    expect(page3.body.items.map((p: { last_name: string }) => p.last_name)).toEqual(["Zed"]);
    expect(page3.body.next_cursor).toBeNull();
    const search = await call(patients.GET, { token: cg.token, path: "/api/v1/patients?q=bet" });
    expect(search.body.items.map((p: { first_name: string }) => p.first_name)).toEqual(["Betty"]);
    const newest = await call(patients.GET, { token: cg.token, path: "/api/v1/patients?sort=created_at&order=desc&limit=1" });
    expect(newest.body.items[0].first_name).toBe("Betty");
  });

  it("counts matches exactly up to 1,000 and answers without a total beyond (docs/decisions/034)", async () => {
    const owner = await makeCaregiver();
    const lone = await makePatient(owner, { first_name: "Lone", last_name: "Ranger" });
    await db.$executeRaw`
      INSERT INTO patients (id, organization_id, facility_id, first_name, last_name, date_of_birth, timezone, updated_at)
      SELECT gen_random_uuid(), organization_id, facility_id, 'Many', 'Family' || lpad(g::text, 4, '0'), date_of_birth, timezone, now()
      FROM patients, generate_series(1, 1000) g WHERE id = ${lone.id}::uuid`;
    const all = await call(patients.GET, { token: owner.token, path: "/api/v1/patients?limit=5" });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    expect(all.body.next_cursor).not.toBeNull();
    expect(all.body).not.toHaveProperty("total"); // 1,001 match: more than "cheap"
    const search = await call(patients.GET, { token: owner.token, path: "/api/v1/patients?q=ranger" });
    expect(search.body.total).toBe(1);
    await db.patient.deleteMany({ where: { lastName: "Family0001" } });
    expect((await call(patients.GET, { token: owner.token, path: "/api/v1/patients?limit=5" })).body.total).toBe(1000);
  });

  it("refuses bad list parameters", async () => {
    const cg = await makeCaregiver();
    for (const q of ["limit=0", "limit=101", "sort=age", "cursor=garbage", "order=up", "colour=red"]) {
      expect((await call(patients.GET, { token: cg.token, path: `/api/v1/patients?${q}` })).status, q).toBe(422);
    }
  });

  it("updates fields partially; viewers read but cannot write", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const r = await call(patient.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: p.id },
      body: { preferred_name: "Bets", timezone: "Europe/London" },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ preferred_name: "Bets", timezone: "Europe/London", first_name: "Betty" });
    const viewer = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(p.id, viewer.id, "viewer");
    expect((await call(patient.GET, { token: viewer.token, params: { id: p.id } })).status).toBe(200);
    const w = await call(patient.PATCH, { method: "PATCH", token: viewer.token, params: { id: p.id }, body: { preferred_name: "X" } });
    expect(w.status).toBe(403);
    expect((await db.patient.findUniqueOrThrow({ where: { id: p.id } })).preferredName).toBe("Bets");
  });

  it("lets only primary caregivers and org admins delete, and removes everything under the patient", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const secondary = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(p.id, secondary.id, "secondary");
    const refused = await call(patient.DELETE, { method: "DELETE", token: secondary.token, params: { id: p.id } });
    expect(refused.status).toBe(403);
    const admin = await makeCaregiver({ organizationId: owner.organizationId, role: "admin" });
    const ok = await call(patient.DELETE, { method: "DELETE", token: admin.token, params: { id: p.id } });
    expect(ok.status).toBe(204);
    expect(await db.patient.count({ where: { id: p.id } })).toBe(0);
    expect(await db.careTeamMember.count({ where: { patientId: p.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "patient.deleted", patientId: p.id } })).toBe(1);
  });

  it("shows org admins every patient of the organization, and members only their care teams", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const admin = await makeCaregiver({ organizationId: owner.organizationId, role: "admin" });
    const plain = await makeCaregiver({ organizationId: owner.organizationId, role: "member" });
    expect((await call(patients.GET, { token: admin.token, path: "/api/v1/patients" })).body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await call(patients.GET, { token: plain.token, path: "/api/v1/patients" })).body.items).toEqual([]);
    expect((await call(patient.GET, { token: plain.token, params: { id: p.id } })).status).toBe(404);
  });
});

describe("care team", () => {
  it("adds a member of the organization by email at once (audited); anyone else is invited, with one answer whether or not they have an account", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const colleague = await makeCaregiver({ organizationId: owner.organizationId });
    const r = await call(careTeam.POST, { token: owner.token, params: { id: p.id }, body: { email: colleague.email.toUpperCase(), standing: "secondary" } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ caregiver_id: colleague.id, standing: "secondary", contact_order: 2 });
    expect(await db.auditEvent.count({ where: { action: "care_team.member_added", targetId: colleague.id } })).toBe(1);
    expect((await call(patient.GET, { token: colleague.token, params: { id: p.id } })).status).toBe(200);
    const again = await call(careTeam.POST, { token: owner.token, params: { id: p.id }, body: { email: colleague.email } });
    expect(again.status).toBe(409);

    const outsider = await makeCaregiver();
    const withAccount = await call(careTeam.POST, { token: owner.token, params: { id: p.id }, body: { email: outsider.email, standing: "viewer" } });
    const nobody = await call(careTeam.POST, { token: owner.token, params: { id: p.id }, body: { email: "nobody@example.test", standing: "viewer" } });
    expect([withAccount.status, nobody.status]).toEqual([202, 202]);
    const shape = (b: { invitation: Record<string, unknown> }) => Object.fromEntries(Object.entries(b.invitation).filter(([k]) => !/id$|^email$|_at$/.test(k)));
    expect(shape(withAccount.body)).toEqual(shape(nobody.body));
    expect(withAccount.body.invitation).toMatchObject({ patient_id: p.id, standing: "viewer", status: "pending", channel: "email" });
    // not a member, not on the team until they accept
    expect(await db.membership.count({ where: { organizationId: owner.organizationId, caregiverId: outsider.id } })).toBe(0);
    expect((await call(patient.GET, { token: outsider.token, params: { id: p.id } })).status).toBe(404);
  });

  it("changes standing and contact order, and protects the last primary caregiver", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const other = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(p.id, other.id, "secondary");
    const demoteSelf = await call(member.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: p.id, caregiverId: owner.id },
      body: { standing: "viewer" },
    });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.code).toBe("last_primary");
    const removeSelf = await call(member.DELETE, { method: "DELETE", token: owner.token, params: { id: p.id, caregiverId: owner.id } });
    expect(removeSelf.status).toBe(409);
    const promote = await call(member.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: p.id, caregiverId: other.id },
      body: { standing: "primary", contact_order: 1 },
    });
    expect(promote.status).toBe(200);
    expect(promote.body).toMatchObject({ standing: "primary", contact_order: 1 });
    const nowOk = await call(member.DELETE, { method: "DELETE", token: other.token, params: { id: p.id, caregiverId: owner.id } });
    expect(nowOk.status).toBe(204);
    const empty = await call(member.PATCH, { method: "PATCH", token: other.token, params: { id: p.id, caregiverId: other.id }, body: {} });
    expect(empty.status).toBe(422);
  });

  it("secondary caregivers and viewers cannot change the care team", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const sec = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(p.id, sec.id, "secondary");
    const third = await makeCaregiver();
    expect((await call(careTeam.POST, { token: sec.token, params: { id: p.id }, body: { email: third.email } })).status).toBe(403);
    expect((await call(member.DELETE, { method: "DELETE", token: sec.token, params: { id: p.id, caregiverId: owner.id } })).status).toBe(403);
  });
});
