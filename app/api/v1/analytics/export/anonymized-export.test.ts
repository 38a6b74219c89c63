import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, makeReminder } from "@/lib/testing/factories";
import { ageBand } from "@/lib/analytics/anonymized-export";
import * as exporter from "./route";

const get = (token: string | undefined, path: string) => call(exporter.GET, { token, path: `/x?${path}` });

describe("GET /api/v1/analytics/export (anonymized, for analysis outside the care team)", () => {
  it("has no names, ids or birth dates; subject codes differ between exports; ages are bands", async () => {
    const owner = await makeCaregiver();
    const betty = await makePatient(owner, { first_name: "Betty", last_name: "Johnson", date_of_birth: "1945-05-15", timezone: "America/Chicago" });
    await makePatient(owner, { first_name: "Walter", last_name: "White", date_of_birth: "1930-01-01", timezone: "America/Chicago" });
    const outsider = await makeCaregiver();
    await makePatient(outsider, { first_name: "Hidden", last_name: "Person" });
    for (const p of [betty, await db.patient.findFirstOrThrow({ where: { firstName: "Walter", organizationId: owner.organizationId } })]) {
      await db.consent.create({ data: { patientId: p.id, kind: "analytics_anonymized", granted: true, givenBy: "patient" } });
    }
    // SPEC §8: never without analytics_anonymized in force: not recorded, refused, or granted then revoked
    await makePatient(owner, { first_name: "Nora", last_name: "Notasked", date_of_birth: "1950-02-02" });
    const refused = await makePatient(owner, { first_name: "Rita", last_name: "Refused", date_of_birth: "1951-03-03" });
    await db.consent.create({ data: { patientId: refused.id, kind: "analytics_anonymized", granted: false, givenBy: "patient" } });
    const revoked = await makePatient(owner, { first_name: "Ray", last_name: "Revoked", date_of_birth: "1952-04-04" });
    await db.consent.create({ data: { patientId: revoked.id, kind: "analytics_anonymized", granted: true, givenBy: "patient", revokedAt: new Date() } });
    await makeReminder(betty.id, { dueAt: new Date(Date.now() - 86_400_000), title: "Metformin", type: "medication", status: "completed" });
    await makeReminder(betty.id, { dueAt: new Date(Date.now() - 86_400_000 + 3_600_000), title: "Lunch", type: "meal", status: "missed" });

    const first = await get(owner.token, "format=csv");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toMatch(/attachment; filename="elda-cohort-anonymized-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"/);
    const csv = first.body as unknown as string;
    const [header, ...rows] = csv
      .trim()
      .split("\r\n")
      .map((l) => l.split(","));
    expect(header).toEqual([
      "subject",
      "age_band",
      "reminders_due",
      "reminders_completed",
      "adherence_pct",
      "previous_adherence_pct",
      "conversations",
      "alerts",
      "open_alerts",
    ]);
    expect(rows).toHaveLength(2); // the outsider's patient is not in it, nor the three without consent
    const age = Math.floor((Date.now() - Date.parse("1945-05-15")) / (365.2425 * 86_400_000));
    expect(rows.map((r) => r.slice(1, 5)).sort()).toEqual(
      [
        [ageBand(age), "2", "1", "50"],
        ["90+", "0", "0", ""],
      ].sort(),
    );
    for (const secret of ["Betty", "Johnson", "Walter", "1945", "1930", betty.id, betty.id.slice(0, 8), "Chicago"]) expect(csv).not.toContain(secret);
    // rows in subject order, not by name; and a second export's codes cannot be matched to the first
    const subjects = rows.map((r) => r[0]);
    expect([...subjects].sort()).toEqual(subjects);
    const second = await get(owner.token, "format=json");
    expect(second.headers.get("content-type")).toContain("application/json");
    const again = (second.body.rows as { subject: string }[]).map((r) => r.subject);
    expect(again).toHaveLength(2);
    expect(second.body.excluded_without_consent).toBe(3);
    for (const s of again) expect(subjects).not.toContain(s);
    expect(await db.auditEvent.count({ where: { actorId: owner.id, action: "analytics.anonymized_exported" } })).toBe(2);
  });

  it("bands ages so a rare age does not single anyone out", () => {
    expect([ageBand(45), ageBand(60), ageBand(64), ageBand(65), ageBand(89), ageBand(90), ageBand(104)]).toEqual([
      "under 60",
      "60-64",
      "60-64",
      "65-69",
      "85-89",
      "90+",
      "90+",
    ]);
  });

  it("refuses bad ranges and formats, and callers without a credential", async () => {
    const owner = await makeCaregiver();
    expect((await get(owner.token, "format=xlsx")).status).toBe(422);
    expect((await get(owner.token, "from=2026-03-10&to=2026-03-01")).status).toBe(422);
    expect((await get(undefined, "format=csv")).status).toBe(401);
  });

  it("narrows to one facility (or organization) as the Reports page does", async () => {
    const owner = await makeCaregiver();
    const east = await db.facility.create({ data: { organizationId: owner.organizationId, name: "East" } });
    const [main, branch] = [await makePatient(owner, { first_name: "Mae" }), await makePatient(owner, { first_name: "Bea" })];
    await db.patient.update({ where: { id: branch.id }, data: { facilityId: east.id } });
    for (const p of [main, branch]) await db.consent.create({ data: { patientId: p.id, kind: "analytics_anonymized", granted: true, givenBy: "patient" } });
    const rows = async (q: string) => ((await get(owner.token, `format=json&${q}`)).body as { rows: unknown[] }).rows.length;
    expect(await rows(`organization_id=${owner.organizationId}`)).toBe(2);
    expect(await rows(`organization_id=${owner.organizationId}&facility_id=${east.id}`)).toBe(1);
    // someone else's organization or facility narrows to nothing: never their patients
    const outsider = await makeCaregiver();
    const theirs = await makePatient(outsider, { first_name: "Otto" });
    await db.consent.create({ data: { patientId: theirs.id, kind: "analytics_anonymized", granted: true, givenBy: "patient" } });
    expect(await rows(`organization_id=${outsider.organizationId}`)).toBe(0);
    expect(await rows(`facility_id=${(await db.patient.findUniqueOrThrow({ where: { id: theirs.id } })).facilityId}`)).toBe(0);
    expect((await get(owner.token, "format=json&facility_id=not-a-uuid")).status).toBe(422);
  });
});
